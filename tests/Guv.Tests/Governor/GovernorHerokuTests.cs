using Guv.Platforms;
using Guv.Platforms.Heroku;
using Guv.Tests.Support;
using Guv.Tests.Support.Heroku;
using static Guv.Tests.Platforms.Heroku.HerokuTestConfig;

namespace Guv.Tests.Governor;

/// <summary>The governor driving the Heroku platform against the double, with queue statistics set by the test.</summary>
public sealed class GovernorHerokuTests : IAsyncLifetime
{
    // Three apps, eight roles; every role starts at one dyno and its queue is named after it.
    private const string EightRoles = """
        '*': {max: 20}
        a1: {app: alpha}
        a2: {app: alpha}
        a3: {app: alpha}
        b1: {app: beta}
        b2: {app: beta}
        b3: {app: beta}
        c1: {app: gamma}
        c2: {app: gamma}
        """;

    private HerokuDouble _heroku = null!;

    public async Task InitializeAsync()
    {
        _heroku = await HerokuDouble.StartAsync();
        _heroku.AddApp("alpha", ("a1", 1, "standard-1x"), ("a2", 1, "standard-1x"), ("a3", 1, "standard-1x"));
        _heroku.AddApp("beta", ("b1", 1, "standard-1x"), ("b2", 1, "standard-1x"), ("b3", 1, "standard-1x"));
        _heroku.AddApp("gamma", ("c1", 1, "standard-1x"), ("c2", 1, "standard-1x"));
    }

    public async Task DisposeAsync() => await _heroku.DisposeAsync();

    [Fact]
    public async Task Tick_ThreeAppsEightRoles_OnePatchPerChangedAppAndNoneForAnUnchangedApp()
    {
        var queues = new FakeQueueSource();
        var (governor, platforms) = Governor(queues);
        await using var _ = platforms;

        // 40, 20 and 8 jobs need 11, 6 and 3 workers with guv 0.3's defaults (target 48.37 s, available 38.37 s).
        queues.Jobs["a1"] = 40;
        queues.Jobs["a2"] = 20;
        queues.Jobs["b1"] = 8;
        queues.Jobs["b3"] = 40;
        await governor.TickAsync(CancellationToken.None);

        Assert.Single(_heroku.Patches("alpha"));
        Assert.Single(_heroku.Patches("beta"));
        Assert.Empty(_heroku.Patches("gamma"));
        Assert.Equal("""{"updates":[{"type":"a1","quantity":11},{"type":"a2","quantity":6}]}""", _heroku.Patches("alpha")[0].Body);
        Assert.Equal("""{"updates":[{"type":"b1","quantity":3},{"type":"b3","quantity":11}]}""", _heroku.Patches("beta")[0].Body);
        Assert.Equal(3, _heroku.Requests.Count(r => r.Method == "GET"));

        queues.Jobs["c2"] = 20;
        await governor.TickAsync(CancellationToken.None);

        Assert.Single(_heroku.Patches("alpha"));
        Assert.Single(_heroku.Patches("beta"));
        Assert.Equal("""{"updates":[{"type":"c2","quantity":6}]}""", Assert.Single(_heroku.Patches("gamma")).Body);
        Assert.Equal(6, _heroku.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task Tick_ScaledByHand_LogsDriftOnceAndDecidesFromTheCountFound()
    {
        var queues = new FakeQueueSource { Jobs = { ["a1"] = 40 } };
        var log = new ListLogger<Guv.Governor.Governor>();
        var (governor, platforms) = Governor(queues, log);
        await using var _ = platforms;
        await governor.TickAsync(CancellationToken.None);

        _heroku.SetQuantity("alpha", "a1", 15);
        var report = await governor.TickAsync(CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);

        var drift = Assert.Single(log.Messages(1008));
        Assert.Contains("a1: found 15 workers where guv last left 11", drift, StringComparison.Ordinal);
        Assert.Equal(15, report.Roles.Single(r => r.Role == "a1").Workers);
    }

    [Fact]
    public async Task Tick_AboveHerokuLimit_LogsTheCountAppliedAndNoDriftAfterwards()
    {
        _heroku.Limits["standard-1x"] = 4;
        var queues = new FakeQueueSource { Jobs = { ["a1"] = 40 } };
        var log = new ListLogger<Guv.Governor.Governor>();
        var (governor, platforms) = Governor(queues, log);
        await using var _ = platforms;

        await governor.TickAsync(CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);

        Assert.Equal(4, _heroku.Quantity("alpha", "a1"));
        Assert.Contains("1 -> 4 workers", Assert.Single(log.Messages(1001)), StringComparison.Ordinal);
        Assert.Empty(log.Messages(1008));
    }

    [Fact]
    public async Task Tick_DryRun_LogsExactlyTheRequestsAndSendsNoChange()
    {
        var queues = new FakeQueueSource { Jobs = { ["a1"] = 40, ["a3"] = 8, ["c1"] = 20 } };
        var log = new ListLogger<Guv.Governor.Governor>();
        var (governor, platforms) = Governor(queues, log, dryRun: true);
        await using var _ = platforms;

        await governor.TickAsync(CancellationToken.None);

        Assert.DoesNotContain(_heroku.Requests, r => r.Method == "PATCH");
        Assert.Equal(
            [
                $"dry run, would send: heroku: PATCH {_heroku.Url}/apps/alpha/formation "
                    + """{"updates":[{"type":"a1","quantity":11},{"type":"a3","quantity":3}]}""",
                $"dry run, would send: heroku: PATCH {_heroku.Url}/apps/gamma/formation "
                    + """{"updates":[{"type":"c1","quantity":6}]}""",
            ],
            log.Messages(1006));
    }

    private (Guv.Governor.Governor Governor, PlatformSet Platforms) Governor(
        FakeQueueSource queues,
        ListLogger<Guv.Governor.Governor>? log = null,
        bool dryRun = false)
    {
        var config = Load(_heroku, EightRoles);
        var platforms = new PlatformSet([Platform(Http)]);
        var governor = new Guv.Governor.Governor(config, queues, platforms, TimeProvider.System,
            log ?? new ListLogger<Guv.Governor.Governor>(), new Guv.Governor.GovernorOptions { DryRun = dryRun });
        return (governor, platforms);
    }
}
