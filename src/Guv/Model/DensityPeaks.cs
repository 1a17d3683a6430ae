namespace Guv.Model;

/// <summary>
/// Finds the clear peaks of a sample's distribution with a Gaussian kernel density estimate. The bandwidth is
/// Silverman's rule of thumb (B. W. Silverman, "Density Estimation for Statistics and Data Analysis", 1986, eq. 3.31),
/// which smooths rather too much for several peaks, so a peak it still shows is real.
/// </summary>
internal static class DensityPeaks
{
    private const int Bins = 512;
    private const int Grid = 256;

    // A peak counts when it reaches a tenth of the highest, and two peaks are two when the density between them
    // falls below 80% of the lower one; otherwise they are one bumpy peak.
    private const double MinimumHeight = 0.1;
    private const double ValleyDepth = 0.8;

    public static IReadOnlyList<double> Find(double[] sorted, double stddev)
    {
        var n = sorted.Length;
        var iqr = ProcessingTimeStats.Quantile(sorted, 0.75) - ProcessingTimeStats.Quantile(sorted, 0.25);
        var spread = iqr > 0 ? Math.Min(stddev, iqr / 1.34) : stddev;
        var bandwidth = 0.9 * spread * Math.Pow(n, -0.2);
        var low = sorted[0];
        var high = sorted[^1];
        if (bandwidth <= 0 || high <= low)
        {
            return [sorted[0]];
        }

        // Bin first so the density costs Bins x Grid kernels, however many jobs were measured.
        var counts = new int[Bins];
        var binWidth = (high - low) / Bins;
        foreach (var x in sorted)
        {
            counts[Math.Min(Bins - 1, (int)((x - low) / binWidth))]++;
        }

        var step = (high - low) / (Grid - 1);
        var density = new double[Grid];
        for (var g = 0; g < Grid; g++)
        {
            var at = low + g * step;
            for (var b = 0; b < Bins; b++)
            {
                if (counts[b] > 0)
                {
                    var u = (at - (low + (b + 0.5) * binWidth)) / bandwidth;
                    density[g] += counts[b] * Math.Exp(-0.5 * u * u);
                }
            }
        }

        return Distinct(density).Select(g => low + g * step).ToList();
    }

    private static List<int> Distinct(double[] density)
    {
        var highest = density.Max();
        var peaks = new List<int>();
        for (var g = 0; g < density.Length; g++)
        {
            var rises = g == 0 || density[g] > density[g - 1];
            var falls = g == density.Length - 1 || density[g] >= density[g + 1];
            if (!rises || !falls || density[g] < MinimumHeight * highest)
            {
                continue;
            }

            if (peaks.Count > 0)
            {
                var previous = peaks[^1];
                var valley = density[previous..(g + 1)].Min();
                if (valley >= ValleyDepth * Math.Min(density[previous], density[g]))
                {
                    // Not a separate peak: keep the higher of the two.
                    peaks[^1] = density[g] > density[previous] ? g : previous;
                    continue;
                }
            }

            peaks.Add(g);
        }

        return peaks;
    }
}
