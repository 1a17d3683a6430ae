using Guv.Tests.Support;
using Guv.Cli.Hosting;
using Guv.History;
using Guv.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.History;

/// <summary>
/// A scale-down window must survive a restart: guv stopped while it holds a role up after a burst must, when
/// started again with the same history store, keep holding until the window has passed, not drop to the minimum.
/// </summary>
public sealed class HistoryRestartTests : IDisposable
{
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:guest@127.0.0.1/'}
        resize: {processing: 10, deadline: 60, min: 1, max: 10, history: 120}
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("guv-restart-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Restart_InsideScaleDownWindow_KeepsHoldingUntilTheWindowHasPassed()
    {
        var (platform, time, burstAt) = await RunFirstGuvAsync();

        // The second guv goes through the same wiring as 'guv run': open the store, restore, record.
        var second = new GovernorRig(Config, platform: platform, time: time);
        await using var observability = ObservabilityHost.Create(Settings, NullLoggerFactory.Instance, time);
        await observability.StartAsync(second.Governor, dryRun: false, lease: null, serve: false, CancellationToken.None);

        Assert.Equal(4, second.Governor.HistoryOf("resize").Count);
        DateTimeOffset? dropped = null;
        for (var i = 0; i < 20 && dropped is null; i++)
        {
            var at = time.Now;
            var tick = await second.TickAsync("resize", 0);
            if (tick.Roles[0].Applied == 1)
            {
                dropped = at;
            }
        }

        Assert.NotNull(dropped);
        Assert.True(dropped.Value - burstAt >= TimeSpan.FromSeconds(120),
            $"dropped to the minimum {(dropped.Value - burstAt).TotalSeconds} s after the burst, inside the 120 s window");
    }

    [Fact]
    public async Task Restart_WithoutRestoringHistory_DropsAtOnce()
    {
        // The control: what the restore prevents, so the test above can fail.
        var (platform, time, _) = await RunFirstGuvAsync();

        var second = new GovernorRig(Config, platform: platform, time: time);
        var tick = await second.TickAsync("resize", 0);

        Assert.Equal(1, tick.Roles[0].Applied);
    }

    [Fact]
    public async Task Restore_AfterALongStop_IgnoresTicksOlderThanTheWindow()
    {
        var (platform, time, _) = await RunFirstGuvAsync();
        time.Advance(TimeSpan.FromMinutes(10));

        var second = new GovernorRig(Config, platform: platform, time: time);
        await using var store = Store();
        var restored = await HistoryRecorder.RestoreAsync(second.Governor, store, time, CancellationToken.None);
        var tick = await second.TickAsync("resize", 0);

        Assert.Equal(0, restored);
        Assert.Equal(1, tick.Roles[0].Applied);
    }

    /// <summary>A burst scales to 10, three quiet ticks hold it there, then guv stops.</summary>
    private async Task<(FakePlatform Platform, ManualClock Time, DateTimeOffset BurstAt)> RunFirstGuvAsync()
    {
        var first = new GovernorRig(Config);
        await using (var observability = ObservabilityHost.Create(Settings, NullLoggerFactory.Instance, first.Time))
        {
            await observability.StartAsync(first.Governor, dryRun: false, lease: null, serve: false, CancellationToken.None);
            await first.TickAsync("resize", 200);
            for (var i = 0; i < 3; i++)
            {
                var quiet = await first.TickAsync("resize", 0);
                Assert.Equal(10, quiet.Roles[0].Applied);
            }
        }

        return (first.Platform, first.Time, GovernorRig.Start);
    }

    private string HistoryPath => Path.Combine(_folder, "history.db");

    private ObservabilitySettings Settings => new("off", HistoryPath, TimeSpan.FromDays(14), null);

    private SqliteHistoryStore Store() => new(HistoryPath);
}
