using Guv.Model.Policies;
using static Guv.Tests.Model.Policies.PolicyTestData;

namespace Guv.Tests.Model.Policies;

public class HpaPolicyTests
{
    [Fact]
    public void Value_DefaultsToJobsOneWorkerCanTakeWithinTheDeadline()
    {
        // (deadline - processing) / processing * concurrency = (60 - 10) / 10 * 2 = 10.
        Assert.Equal(10, HpaPolicy.ValueOf(Role with { Concurrency = 2 }));
        Assert.Equal(3, HpaPolicy.ValueOf(Role with { Value = 3 }));
    }

    [Theory]
    [InlineData(40, 4, 8)] // ceil(40 / 5) = 8, within the limit of max(2 x 4, 4 + 4) = 8
    [InlineData(100, 3, 7)] // ceil(100 / 5) = 20, limited to max(2 x 3, 3 + 4) = 7
    [InlineData(100, 10, 20)] // limit max(20, 14) = 20
    public void ScaleUp_DesiredIsJobsOverValue_LimitedToDoubleOrFourMore(int jobs, int workers, int expected)
    {
        var decision = HpaPolicy.Instance.Decide(Input(Role, jobs, workers));

        Assert.Equal(DecisionReason.ScaleUp, decision.Reason);
        Assert.Equal(expected, decision.Next);
    }

    [Theory]
    [InlineData(42, 8)] // 42 / 40 = 1.05
    [InlineData(37, 8)] // 37 / 40 = 0.925
    public void WithinTenPercentTolerance_NoChange(int jobs, int workers)
    {
        var decision = HpaPolicy.Instance.Decide(Input(Role, jobs, workers));

        Assert.Null(decision.Next);
    }

    [Fact]
    public void ScaleDown_HeldByHighestRecommendationOfLast300Seconds()
    {
        var history = HistoryOf((290, 9, null), (200, 6, null), (30, 4, null));

        var decision = HpaPolicy.Instance.Decide(Input(Role, 10, 10, history: history));

        Assert.Equal(2, decision.Estimate);
        Assert.Equal(9, decision.Next);
    }

    [Fact]
    public void ScaleDown_RecommendationsOlderThan300Seconds_AreForgotten()
    {
        var history = HistoryOf((310, 9, null), (200, 6, null));

        var decision = HpaPolicy.Instance.Decide(Input(Role, 10, 10, history: history));

        Assert.Equal(6, decision.Next);
    }

    [Fact]
    public void ZeroWorkers_ActivatesLikeKeda()
    {
        var decision = HpaPolicy.Instance.Decide(Input(Role with { Minimum = 0 }, 12, 0));

        Assert.Equal(3, decision.Next);
    }
}
