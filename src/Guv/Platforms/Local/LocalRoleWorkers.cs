namespace Guv.Platforms.Local;

/// <summary>The wanted count and running workers of one local role, with its crash-loop backoff.</summary>
internal sealed class LocalRoleWorkers
{
    private static readonly TimeSpan QuickCrash = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    public int Wanted { get; set; }

    public List<LocalWorker> Running { get; } = [];

    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>No replacement starts before this time; pushed out while workers crash soon after starting.</summary>
    public DateTimeOffset NextRestart { get; set; } = DateTimeOffset.MinValue;

    private int QuickCrashes { get; set; }

    /// <summary>Records a crash and returns how long to wait before replacing the worker.</summary>
    public TimeSpan RecordCrash(DateTimeOffset now, DateTimeOffset started)
    {
        // A worker that ran a while before crashing is replaced at once; one that crashes right after starting
        // is probably misconfigured, and restarting it in a tight loop would only burn the machine.
        QuickCrashes = now - started < QuickCrash ? QuickCrashes + 1 : 0;
        var delay = QuickCrashes == 0
            ? TimeSpan.Zero
            : TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, QuickCrashes - 1)));
        NextRestart = now + delay;
        return delay;
    }
}
