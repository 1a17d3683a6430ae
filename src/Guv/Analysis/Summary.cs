namespace Guv.Analysis;

/// <summary>Count, minimum, median, 90th percentile and maximum of some durations in seconds.</summary>
public sealed record Summary(int Count, double Min, double Median, double P90, double Max)
{
    /// <summary>Summarises the known values (nulls are left out); all zero when there are none.</summary>
    public static Summary Of(IEnumerable<double?> values)
    {
        var sorted = values.OfType<double>().Order().ToList();
        return sorted.Count == 0
            ? new Summary(0, 0, 0, 0, 0)
            : new Summary(sorted.Count, sorted[0], Rank(sorted, 0.5), Rank(sorted, 0.9), sorted[^1]);
    }

    // Nearest-rank percentile: an observed value, never an interpolation between two.
    private static double Rank(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
