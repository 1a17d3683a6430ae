namespace Guv.Simulation;

/// <summary>
/// Latencies in fixed memory, however many jobs: 10 ms buckets up to 100 s, then buckets 1% wide, so a percentile
/// is within 10 ms or 1% of the exact one.
/// </summary>
public sealed class LatencyHistogram
{
    private const double LinearLimit = 100;
    private const int LinearBuckets = 10_000;
    private const double Growth = 1.01;
    private static readonly double LogGrowth = Math.Log(Growth);
    private readonly long[] _counts = new long[LinearBuckets + 2000];

    /// <summary>How many latencies were added.</summary>
    public long Count { get; private set; }

    /// <summary>The sum of the latencies, s.</summary>
    public double Sum { get; private set; }

    /// <summary>The highest latency, s.</summary>
    public double Max { get; private set; }

    /// <summary>Adds one latency in seconds.</summary>
    public void Add(double seconds)
    {
        Count++;
        Sum += seconds;
        Max = Math.Max(Max, seconds);
        _counts[Bucket(seconds)]++;
    }

    /// <summary>The latency below which <paramref name="share"/> (0..1) of the jobs fall, s; 0 when empty.</summary>
    public double Percentile(double share)
    {
        if (Count == 0)
        {
            return 0;
        }

        var rank = (long)Math.Ceiling(share * Count);
        var seen = 0L;
        for (var i = 0; i < _counts.Length; i++)
        {
            seen += _counts[i];
            if (seen >= rank)
            {
                return Math.Min(Max, UpperEdge(i));
            }
        }

        return Max;
    }

    private int Bucket(double seconds)
    {
        if (seconds < LinearLimit)
        {
            return (int)Math.Max(0, seconds * (LinearBuckets / LinearLimit));
        }

        var index = LinearBuckets + (int)(Math.Log(seconds / LinearLimit) / LogGrowth);
        return Math.Min(index, _counts.Length - 1);
    }

    private static double UpperEdge(int bucket) =>
        bucket < LinearBuckets
            ? (bucket + 1) * (LinearLimit / LinearBuckets)
            : LinearLimit * Math.Pow(Growth, bucket - LinearBuckets + 1);
}
