using Guv.Configuration;
using Guv.Model;

namespace Guv.Tests.Model;

public class ClassicModelTests
{
    private static RoleOptions Role(
        double processing = 10,
        double? stddev = null,
        double deadline = 60,
        int concurrency = 1,
        int min = 1,
        int max = 5,
        double percentile = 99) => new()
        {
            Name = "worker",
            Worker = "worker",
            Queue = "worker",
            Processing = processing,
            Stddev = stddev ?? processing / 2,
            Deadline = deadline,
            Concurrency = concurrency,
            Minimum = min,
            Maximum = max,
            Percentile = percentile,
        };

    [Fact]
    public void Target_Defaults_MatchesGuvWorkedExample()
    {
        // domain.md: processing 10, stddev 5, deadline 60, percentile 99 give a target of 48.37 s.
        Assert.Equal(48.37, ClassicModel.Target(Role()), precision: 2);
    }

    [Fact]
    public void Estimate_NoJobs_GivesMinimum()
    {
        Assert.Equal(2, ClassicModel.Estimate(Role(min: 2, max: 10), 0).Workers);
        Assert.Equal(0, ClassicModel.Estimate(Role(min: 0, max: 10), 0).Workers);
    }

    [Fact]
    public void Estimate_HugeBacklog_GivesMaximum()
    {
        var estimate = ClassicModel.Estimate(Role(max: 40), 1_000_000);
        Assert.Equal(40, estimate.Workers);
        Assert.True(estimate.Raw > 40);
    }

    [Theory]
    [InlineData(40, 1, 11)] // ceil(400 / 38.37)
    [InlineData(40, 3, 4)]  // ceil(140 / 38.37)
    [InlineData(1, 1, 1)]
    [InlineData(4, 1, 2)]   // ceil(40 / 38.37)
    public void Estimate_WorkedExamples_MatchGuv(int jobs, int concurrency, int expected)
    {
        Assert.Equal(expected, ClassicModel.Estimate(Role(concurrency: concurrency, max: 100), jobs).Workers);
    }

    [Fact]
    public void Estimate_ConcurrencyThree_NeedsAboutAThirdOfTheWorkers()
    {
        var one = ClassicModel.Estimate(Role(max: 1000), 3000).Workers;
        var three = ClassicModel.Estimate(Role(concurrency: 3, max: 1000), 3000).Workers;
        Assert.InRange(three, one / 3.0 - 1, one / 3.0 + 1);
    }

    [Fact]
    public void Estimate_UnrealizableDeadline_ScalesTowardMaximumNotMinimum()
    {
        // Target 20 - 2.33 * 10 < processing 10: no worker count meets this deadline.
        var role = Role(processing: 10, stddev: 10, deadline: 20, min: 1, max: 8);
        var estimate = ClassicModel.Estimate(role, 50);
        Assert.True(estimate.Unrealizable);
        Assert.Equal(8, estimate.Workers);
    }

    [Fact]
    public void Estimate_TightDeadlineHugeSpread_NeverMoreWorkersThanJobs()
    {
        // guv 0.3 fault: deadline 1200, percentile 68, processing 496, stddev 1404, concurrency 4, one job.
        var role = Role(processing: 496, stddev: 1404, deadline: 1200, concurrency: 4, min: 0, max: 2, percentile: 68);
        Assert.True(ClassicModel.Estimate(role, 1).Workers <= 1);
    }

    [Fact]
    public void Estimate_ExplicitTarget_OverridesDerivedTarget()
    {
        var role = Role(max: 100) with { Target = 30 };
        var estimate = ClassicModel.Estimate(role, 40);
        Assert.Equal(30, estimate.Target);
        Assert.Equal(20, estimate.Available);
        Assert.Equal(20, estimate.Workers); // 400 s of work over 20 s each
    }

    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.99, 2.3263)]
    [InlineData(0.01, -2.3263)]
    [InlineData(0.841344746, 1.0)]
    [InlineData(0.001, -3.0902)]
    public void Quantile_KnownValues_Match(double p, double z)
    {
        Assert.Equal(z, NormalDistribution.Quantile(p), precision: 3);
    }
}
