using System.Globalization;

namespace Guv.Model;

/// <summary>
/// Summary of measured job processing times: what guv's <c>processing</c> and <c>stddev</c> keys should say, and
/// signs that a normal model fits badly (a long tail, or several kinds of job in one queue).
/// </summary>
/// <param name="Count">Jobs measured.</param>
/// <param name="Mean">Mean seconds.</param>
/// <param name="Stddev">Sample standard deviation in seconds (0 for one job).</param>
/// <param name="P50">Median seconds.</param>
/// <param name="P90">90th percentile in seconds.</param>
/// <param name="P99">99th percentile in seconds.</param>
/// <param name="Peaks">Seconds at which the distribution has a clear peak, lowest first; empty below 20 jobs.</param>
public sealed record ProcessingTimeStats(
    int Count,
    double Mean,
    double Stddev,
    double P50,
    double P90,
    double P99,
    IReadOnlyList<double> Peaks)
{
    /// <summary>Fewest jobs for which peaks are looked for: fewer make peaks out of noise.</summary>
    public const int MinimumForPeaks = 20;

    /// <summary>Computes the summary of one role's measured times.</summary>
    /// <param name="seconds">Processing times in seconds, at least one, each zero or more.</param>
    public static ProcessingTimeStats From(IReadOnlyCollection<double> seconds)
    {
        ArgumentOutOfRangeException.ThrowIfZero(seconds.Count);
        var sorted = seconds.Order().ToArray();
        var mean = sorted.Average();
        var variance = sorted.Length > 1 ? sorted.Sum(x => (x - mean) * (x - mean)) / (sorted.Length - 1) : 0;
        var stddev = Math.Sqrt(variance);
        var peaks = sorted.Length >= MinimumForPeaks ? DensityPeaks.Find(sorted, stddev) : [];
        return new(sorted.Length, mean, stddev, Quantile(sorted, 0.5), Quantile(sorted, 0.9), Quantile(sorted, 0.99),
            peaks);
    }

    /// <summary>What makes these numbers a poor fit for guv's normal model, each with a suggestion.</summary>
    public IReadOnlyList<string> Warnings()
    {
        var warnings = new List<string>();
        if (Stddev > Mean)
        {
            warnings.Add(Invariant($"stddev {Stddev:0.###} s is above the mean {Mean:0.###} s: the times have a long ")
                + Invariant($"tail that a normal model fits badly (p99 is {P99:0.###} s). If the slow jobs can be told ")
                + "apart, give them their own queue and role");
        }

        if (Peaks.Count > 1)
        {
            warnings.Add($"the times have {Peaks.Count} peaks, near "
                + string.Join(", ", Peaks.Select(p => Invariant($"{p:0.###} s")))
                + ": the queue seems to hold several kinds of job. Route each kind to its own queue and role");
        }

        return warnings;
    }

    /// <summary>Linear interpolation between the closest ranks (Hyndman and Fan's type 7, as spreadsheets use).</summary>
    internal static double Quantile(double[] sorted, double p)
    {
        var position = p * (sorted.Length - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
