using Guv.Cli.Hosting;
using Guv.Configuration;
using Guv.Leadership;
using Guv.Platforms;
using Guv.Tests.Leadership;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Cli.Hosting;

/// <summary>Only the leader stores history in the shared store (issue #6): a standby storing too would double every tick.</summary>
public sealed class ObservabilityHostLeaseTests
{
    private const string Config = """
        '*': {broker: 'amqp://guest:guest@127.0.0.1:5672/', platform: local, command: /bin/true, pollinterval: 30}
        images: {}
        """;

    [Fact]
    public async Task Tick_Standby_StoresNothing_UntilItLeads()
    {
        var clock = new SteppingClock();
        await using var store = new MemoryLeaseStore(clock);
        var lease = new LeaderLease(store, "this/1/aaaaa", TimeSpan.FromMinutes(1), clock, new ListLogger<LeaderLease>());
        await store.TryAcquireAsync(lease.Name, "other/2/bbbbb", TimeSpan.FromMinutes(1), CancellationToken.None);
        var config = new ConfigLoader(_ => null).Load(Config, "test");
        var source = new FakeQueueSource();
        source.SetJobs("images", 3);
        var governor = new Guv.Governor.Governor(config, source, new PlatformSet([new FakePlatform()]), TimeProvider.System,
            NullLogger<Guv.Governor.Governor>.Instance, new Guv.Governor.GovernorOptions { MayApply = lease.HoldAsync });
        await using var host = ObservabilityHost.Create(
            new ObservabilitySettings("off", "off", TimeSpan.FromDays(14), null), NullLoggerFactory.Instance, TimeProvider.System);
        await host.StartAsync(governor, dryRun: false, lease, serve: false, CancellationToken.None);

        await governor.TickAsync(CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);
        await Task.Delay(500); // the recorder writes in the background
        var asStandby = await host.History.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None);
        await store.ReleaseAsync(lease.Name, "other/2/bbbbb", CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);
        var asLeader = await EventuallyAsync(host);

        Assert.Empty(asStandby);
        Assert.Single(asLeader);
    }

    private static async Task<IReadOnlyList<Guv.History.HistoryRecord>> EventuallyAsync(ObservabilityHost host)
    {
        for (var attempt = 0; ; attempt++)
        {
            var records = await host.History.ReadAsync(null, DateTimeOffset.MinValue, CancellationToken.None);
            if (records.Count > 0 || attempt == 100)
            {
                return records;
            }

            await Task.Delay(50);
        }
    }
}
