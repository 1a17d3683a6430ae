using Guv.Configuration;

namespace Guv.Model;

/// <summary>
/// guv 0.3's scaling model, exactly: jobs waiting times processing time, spread over the time each worker has
/// before the deadline. A pure function of the role's settings and the queue length.
/// </summary>
public static class ClassicModel
{
    /// <summary>
    /// The time by which a job that starts now must be done: <c>deadline - z * stddev</c> with z the normal quantile
    /// of the percentile, or the role's explicit <c>target</c>. The mean cancels out in guv 0.3's arithmetic.
    /// </summary>
    public static double Target(RoleOptions role) =>
        role.Target ?? role.Deadline - NormalDistribution.Quantile(role.Percentile / 100) * role.Stddev;

    /// <summary>Estimates the workers a role needs for a queue of <paramref name="jobs"/>.</summary>
    public static WorkerEstimate Estimate(RoleOptions role, int jobs)
    {
        var target = Target(role);
        var unrealizable = target <= role.Processing;
        if (unrealizable)
        {
            // guv 0.3 records an error and does its best; its 0.1.5 fix made this scale toward max, not min.
            target = role.Processing + 0.01;
        }

        var batches = (int)Math.Ceiling(Math.Max(jobs, 0) / (double)role.Concurrency);
        var waiting = batches * role.Processing;
        var available = Math.Max(role.Processing, target - role.Processing);
        var raw = (int)Math.Ceiling(waiting / available);
        var workers = Math.Clamp(raw, role.Minimum, Math.Max(role.Minimum, role.Maximum));
        return new WorkerEstimate(jobs, target, waiting, available, raw, workers, unrealizable);
    }
}
