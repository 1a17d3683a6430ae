namespace Guv.Model;

/// <summary>The standard normal distribution's quantile function.</summary>
public static class NormalDistribution
{
    // Coefficients of P. J. Acklam's rational approximation of the inverse normal CDF
    // (relative error below 1.2e-9), published at home.online.no/~pjacklam/notes/invnorm.
    private static readonly double[] A = [-39.69683028665376, 220.9460984245205, -275.9285104469687,
        138.3577518672690, -30.66479806614716, 2.506628277459239];
    private static readonly double[] B = [-54.47609879822406, 161.5858368580409, -155.6989798598866,
        66.80131188771972, -13.28068155288572];
    private static readonly double[] C = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838,
        -2.549732539343734, 4.374664141464968, 2.938163982698783];
    private static readonly double[] D = [0.007784695709041462, 0.3224671290700398, 2.445134137142996,
        3.754408661907416];

    /// <summary>The z for which a standard normal variable is below z with probability <paramref name="p"/>.</summary>
    /// <param name="p">A probability strictly between 0 and 1.</param>
    public static double Quantile(double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(p, 1);
        const double low = 0.02425;
        if (p < low)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            return Tail(q);
        }

        if (p > 1 - low)
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            return -Tail(q);
        }

        var r = p - 0.5;
        var s = r * r;
        return (((((A[0] * s + A[1]) * s + A[2]) * s + A[3]) * s + A[4]) * s + A[5]) * r
            / (((((B[0] * s + B[1]) * s + B[2]) * s + B[3]) * s + B[4]) * s + 1);
    }

    private static double Tail(double q) =>
        (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
        / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
}
