using Guv.Configuration;

namespace Guv.Model;

/// <summary>What a role's settings allow, in numbers a person can check: throughput and the backlog it clears.</summary>
public static class RoleCapacity
{
    /// <summary>Jobs per minute that <paramref name="workers"/> workers finish at the mean processing time.</summary>
    public static double JobsPerMinute(RoleOptions role, int workers) =>
        workers * role.Concurrency * 60 / role.Processing;

    /// <summary>
    /// The largest queue that <see cref="RoleOptions.Maximum"/> workers clear within the target time, by the same
    /// model the governor scales with: the most jobs for which the classic estimate needs no more than maximum.
    /// </summary>
    public static long LargestBacklog(RoleOptions role)
    {
        if (role.Maximum <= 0 || !Fits(role, 1))
        {
            return 0;
        }

        // The estimate never falls as jobs grow, so search the edge: double until too many, then halve the gap.
        long low = 1, high = 2;
        while (Fits(role, high))
        {
            low = high;
            high *= 2;
        }

        while (high - low > 1)
        {
            var middle = low + (high - low) / 2;
            if (Fits(role, middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static bool Fits(RoleOptions role, long jobs)
    {
        if (jobs > int.MaxValue)
        {
            return false;
        }

        // A raw estimate past int.MaxValue wraps around below zero: that is far too many, not too few.
        var raw = ClassicModel.Estimate(role, (int)jobs).Raw;
        return raw >= 0 && raw <= role.Maximum;
    }
}
