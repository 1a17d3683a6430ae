using System.Globalization;
using Guv.Configuration;

namespace Guv.Model;

/// <summary>The classic model's arithmetic for one role and queue length, kept so it can be explained.</summary>
/// <param name="Jobs">Jobs in the queue (ready plus unacknowledged).</param>
/// <param name="Target">Target time in seconds (processing + 0.01 when the deadline cannot be met).</param>
/// <param name="Waiting">Seconds of work waiting: ceil(jobs / concurrency) * processing.</param>
/// <param name="Available">Seconds each worker has: max(processing, target - processing).</param>
/// <param name="Raw">Workers before clamping: ceil(waiting / available).</param>
/// <param name="Workers">Workers after clamping to [minimum, maximum].</param>
/// <param name="Unrealizable">True when the target is not above the processing time.</param>
public sealed record WorkerEstimate(
    int Jobs,
    double Target,
    double Waiting,
    double Available,
    int Raw,
    int Workers,
    bool Unrealizable)
{
    /// <summary>The arithmetic in plain words, e.g. "420 jobs x 10 s over 38.4 s available = 110 workers, capped at max 40".</summary>
    public string Explain(RoleOptions role)
    {
        var perWorker = role.Concurrency > 1 ? $" / {role.Concurrency} per worker" : "";
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{Jobs} jobs{perWorker} x {role.Processing:0.##} s over {Available:0.##} s available = {Raw} workers");
        if (Workers > Raw)
        {
            text += $", raised to min {role.Minimum}";
        }
        else if (Workers < Raw)
        {
            text += $", capped at max {role.Maximum}";
        }

        return Unrealizable ? text + " (deadline cannot be met: scaling toward max)" : text;
    }
}
