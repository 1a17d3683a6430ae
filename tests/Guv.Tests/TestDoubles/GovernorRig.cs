using Guv.Tests.Support;
using Guv.Configuration;
using Guv.Platforms;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.TestDoubles;

/// <summary>A governor on fake queues, a fake platform and a manual clock, from config text.</summary>
internal sealed class GovernorRig
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    public GovernorRig(string yaml, FakeQueues? queues = null, FakePlatform? platform = null, ManualClock? time = null)
    {
        Config = new ConfigLoader(_ => null).Load(yaml, "test.guv.yaml");
        Queues = queues ?? new FakeQueues();
        Platform = platform ?? new FakePlatform();
        Time = time ?? new ManualClock(Start);
        Governor = new Guv.Governor.Governor(Config, Queues, new PlatformSet([Platform]), Time,
            NullLogger<Guv.Governor.Governor>.Instance);
    }

    public GuvConfig Config { get; }

    public FakeQueues Queues { get; }

    public FakePlatform Platform { get; }

    public ManualClock Time { get; }

    public Guv.Governor.Governor Governor { get; }

    /// <summary>Sets the jobs of a queue, ticks once, and moves the clock on by the poll interval.</summary>
    public async Task<Guv.Governor.TickReport> TickAsync(string queue, int jobs)
    {
        Queues.SetJobs(queue, jobs);
        var report = await Governor.TickAsync(CancellationToken.None);
        Time.Advance(TimeSpan.FromSeconds(Config.PollInterval));
        return report;
    }
}
