using Guv.Model;

namespace Guv.Tests.Model;

public sealed class ProcessingTimeStatsTests
{
    /// <summary>n evenly spread quantiles of a normal distribution: a sample with no randomness in it.</summary>
    private static IEnumerable<double> Normal(double mean, double stddev, int n) =>
        Enumerable.Range(0, n).Select(i => mean + stddev * NormalDistribution.Quantile((i + 0.5) / n));

    [Fact]
    public void From_KnownSample_GivesMeanSampleStddevAndPercentiles()
    {
        // 1..10: mean 5.5, sample variance 55/6; type 7 percentiles interpolate between ranks.
        var stats = ProcessingTimeStats.From([.. Enumerable.Range(1, 10).Select(i => (double)i)]);

        Assert.Equal((10, 5.5), (stats.Count, stats.Mean));
        Assert.Equal(Math.Sqrt(55.0 / 6), stats.Stddev, 9);
        Assert.Equal((5.5, 9.1, 9.91), (stats.P50, stats.P90, Math.Round(stats.P99, 9)));
    }

    [Fact]
    public void From_OneJob_HasZeroStddev()
    {
        var stats = ProcessingTimeStats.From([4.0]);

        Assert.Equal((4, 0, 4, 4), (stats.Mean, stats.Stddev, stats.P50, stats.P99));
    }

    [Fact]
    public void Warnings_NormalTimes_None()
    {
        var stats = ProcessingTimeStats.From([.. Normal(12, 3, 500)]);

        Assert.Empty(stats.Warnings());
        Assert.Single(stats.Peaks);
    }

    [Fact]
    public void Warnings_TwoKindsOfJob_FindsBothPeaksAndSuggestsSeparateRoles()
    {
        var stats = ProcessingTimeStats.From([.. Normal(2, 0.5, 300), .. Normal(30, 4, 300)]);

        Assert.Equal(2, stats.Peaks.Count);
        Assert.InRange(stats.Peaks[0], 1, 3);
        Assert.InRange(stats.Peaks[1], 27, 33);
        var warning = Assert.Single(stats.Warnings());
        Assert.StartsWith("the times have 2 peaks, near ", warning);
        Assert.EndsWith("Route each kind to its own queue and role", warning);
    }

    [Fact]
    public void Warnings_LongTail_SaysStddevIsAboveTheMean()
    {
        // Log-normal with sigma 1.3, like the production role that measured mean 14.8 s and stddev 49 s.
        var stats = ProcessingTimeStats.From([.. Normal(1, 1.3, 400).Select(Math.Exp)]);

        Assert.True(stats.Stddev > stats.Mean);
        Assert.Contains(stats.Warnings(), w => w.StartsWith("stddev ", StringComparison.Ordinal)
            && w.Contains("is above the mean", StringComparison.Ordinal));
    }

    [Fact]
    public void Peaks_FewerThan20Jobs_AreNotLookedFor()
    {
        var stats = ProcessingTimeStats.From([1, 1, 1, 50, 50, 50]);

        Assert.Empty(stats.Peaks);
    }
}
