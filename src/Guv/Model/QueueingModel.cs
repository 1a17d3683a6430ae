namespace Guv.Model;

/// <summary>
/// Queueing theory for the <c>next</c> policy: how many parallel servers (worker slots) keep the share of jobs
/// that miss a deadline, end to end, below a bound, for Poisson arrivals and a lognormal processing time.
/// </summary>
public static class QueueingModel
{
    private const int ServicePoints = 64;

    /// <summary>
    /// The fewest servers for which P(wait + processing &gt; deadline) is at most <paramref name="miss"/>, up to
    /// <paramref name="limit"/>. The wait is M/M/c's (Erlang C) with its exponential tail slowed by the
    /// Allen-Cunneen factor (ca² + cs²) / 2 for a processing time that is not exponential (W. Whitt, "Approximations
    /// for the GI/G/m queue", 1993); the processing time is lognormal with the given mean and standard deviation.
    /// </summary>
    /// <param name="lambda">Arrivals per second.</param>
    /// <param name="mean">Mean processing time, s.</param>
    /// <param name="stddev">Standard deviation of the processing time, s.</param>
    /// <param name="deadline">Seconds from arrival within which a job should be done.</param>
    /// <param name="miss">The largest acceptable share of jobs that miss, e.g. 0.01.</param>
    /// <param name="limit">The most servers to consider.</param>
    public static int ServersFor(double lambda, double mean, double stddev, double deadline, double miss, int limit)
    {
        if (lambda <= 0 || limit <= 0)
        {
            return 0;
        }

        var a = lambda * mean;
        var cs2 = stddev * stddev / (mean * mean);
        var slowdown = 2 / (1 + cs2);
        var (mu, sigma) = LognormalParameters(mean, stddev);
        var late = sigma > 0 ? 1 - NormalCdf((Math.Log(deadline) - mu) / sigma) : mean > deadline ? 1 : 0;

        // The deadline may be out of reach even without waiting; then ask only that waiting adds little.
        var budget = Math.Max(miss - late, miss * 0.1);
        Span<double> slack = stackalloc double[ServicePoints];
        for (var i = 0; i < ServicePoints; i++)
        {
            var quantile = sigma > 0
                ? Math.Exp(mu + sigma * NormalDistribution.Quantile((i + 0.5) / ServicePoints))
                : mean;
            slack[i] = deadline - quantile;
        }

        var erlangB = 1.0;
        for (var c = 1; c <= limit; c++)
        {
            erlangB = a * erlangB / (c + a * erlangB);
            if (c <= a)
            {
                continue;
            }

            var erlangC = c * erlangB / (c - a * (1 - erlangB));
            var decay = (c / mean - lambda) * slowdown;
            var waitLate = 0.0;
            foreach (var s in slack)
            {
                waitLate += s > 0 ? Math.Exp(-decay * s) : 0;
            }

            if (erlangC * waitLate / ServicePoints <= budget)
            {
                return c;
            }
        }

        return limit;
    }

    /// <summary>
    /// Erlang C: the probability that a job waits in an M/M/c queue with <paramref name="servers"/> servers and
    /// offered load <paramref name="load"/> (arrival rate times mean processing time); 1 when load &gt;= servers.
    /// </summary>
    public static double ErlangC(int servers, double load)
    {
        if (load >= servers)
        {
            return 1;
        }

        var erlangB = 1.0;
        for (var c = 1; c <= servers; c++)
        {
            erlangB = load * erlangB / (c + load * erlangB);
        }

        return servers * erlangB / (servers - load * (1 - erlangB));
    }

    /// <summary>The mu and sigma of the lognormal with the given mean and standard deviation.</summary>
    public static (double Mu, double Sigma) LognormalParameters(double mean, double stddev)
    {
        var sigma2 = Math.Log(1 + stddev * stddev / (mean * mean));
        return (Math.Log(mean) - sigma2 / 2, Math.Sqrt(sigma2));
    }

    /// <summary>The standard normal CDF (Abramowitz and Stegun 7.1.26, error below 1.5e-7).</summary>
    public static double NormalCdf(double z)
    {
        var x = Math.Abs(z) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * x);
        var poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        var erfc = poly * Math.Exp(-x * x);
        return z >= 0 ? 1 - erfc / 2 : erfc / 2;
    }
}
