using Guv.Leadership;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Guv.Tests.Leadership;

public sealed class LeaderLeaseTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(10);
    private readonly SteppingClock _clock = new();
    private readonly MemoryLeaseStore _store;
    private readonly ListLogger<LeaderLease> _logA = new();
    private readonly LeaderLease _a;
    private readonly LeaderLease _b;

    public LeaderLeaseTests()
    {
        _store = new MemoryLeaseStore(_clock);
        _a = new LeaderLease(_store, "host-a/1/aaaaa", Lease, _clock, _logA);
        _b = new LeaderLease(_store, "host-b/2/bbbbb", Lease, _clock, new ListLogger<LeaderLease>());
    }

    // xunit 2 disposes test classes through IDisposable only.
    public void Dispose() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task Hold_TwoInstances_OnlyTheFirstLeads()
    {
        Assert.True(await _a.HoldAsync(CancellationToken.None));
        Assert.False(await _b.HoldAsync(CancellationToken.None));

        Assert.True(_a.IsLeader);
        Assert.False(_b.IsLeader);
        Assert.Equal("host-a/1/aaaaa", _b.Leader);
    }

    [Fact]
    public async Task Hold_RenewedEveryTick_StaysLeaderAndLogsItOnce()
    {
        for (var tick = 0; tick < 5; tick++)
        {
            Assert.True(await _a.HoldAsync(CancellationToken.None));
            Assert.False(await _b.HoldAsync(CancellationToken.None));
            _clock.Advance(Lease / 2);
        }

        Assert.Single(_logA.Messages(8001));
    }

    [Fact]
    public async Task Hold_LeaderStopsRenewing_StandbyTakesOverOnceTheLeaseRunsOut()
    {
        await _a.HoldAsync(CancellationToken.None);

        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var early = await _b.HoldAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(2));
        var late = await _b.HoldAsync(CancellationToken.None);

        Assert.False(early);
        Assert.True(late);
        Assert.False(_a.IsLeader); // its lease ran out on its own clock too
        Assert.False(await _a.HoldAsync(CancellationToken.None));
        Assert.Contains(_logA.Events, e => e.Id.Id == 8002 && e.Message.Contains("host-b/2/bbbbb", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Hold_StoreUnreachable_LeaderStopsAtOnce()
    {
        await _a.HoldAsync(CancellationToken.None);
        _store.Failure = new IOException("connection refused to postgres://guv:Pass-1234@db/guv");

        var held = await _a.HoldAsync(CancellationToken.None);

        Assert.False(held);
        Assert.False(_a.IsLeader);
        var warning = Assert.Single(_logA.Messages(8003));
        Assert.Contains("connection refused", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Pass-1234", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_StoreAnswersAfterHalfTheLease_DoesNotCountAsHeld()
    {
        await _a.HoldAsync(CancellationToken.None);
        _store.BeforeAnswer = _ =>
        {
            _clock.Advance(Lease * 0.6);
            return Task.CompletedTask;
        };

        var held = await _a.HoldAsync(CancellationToken.None);

        Assert.False(held);
        Assert.False(_a.IsLeader);
        Assert.Contains("more than half the lease", Assert.Single(_logA.Messages(8003)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hold_StoreHangs_GivesUpAfterHalfTheLease()
    {
        var lease = new LeaderLease(_store, "host-c/3/ccccc", TimeSpan.FromMilliseconds(400), TimeProvider.System,
            new ListLogger<LeaderLease>());
        _store.BeforeAnswer = token => Task.Delay(Timeout.Infinite, token);

        var held = await lease.HoldAsync(CancellationToken.None);

        Assert.False(held);
        Assert.False(lease.IsLeader);
    }

    [Fact]
    public async Task IsLeader_NoRenewalWithinTheLease_TurnsFalseByItself()
    {
        await _a.HoldAsync(CancellationToken.None);

        _clock.Advance(Lease - TimeSpan.FromMilliseconds(1));
        var before = _a.IsLeader;
        _clock.Advance(TimeSpan.FromMilliseconds(2));

        Assert.True(before);
        Assert.False(_a.IsLeader);
    }

    [Fact]
    public async Task Release_LetsTheStandbyTakeOverAtOnce()
    {
        await _a.HoldAsync(CancellationToken.None);
        await _b.HoldAsync(CancellationToken.None);

        await _a.ReleaseAsync(CancellationToken.None);

        Assert.False(_a.IsLeader);
        Assert.True(await _b.HoldAsync(CancellationToken.None));
        Assert.Single(_logA.Messages(8005));
    }

    [Fact]
    public async Task Hold_FirstAnswerIsAnotherHolder_LogsStandbyAsInformation()
    {
        await _b.HoldAsync(CancellationToken.None);

        await _a.HoldAsync(CancellationToken.None);
        await _a.HoldAsync(CancellationToken.None);

        var standby = Assert.Single(_logA.Events, e => e.Id.Id == 8002);
        Assert.Equal(LogLevel.Information, standby.Level);
    }

    [Fact]
    public void NewHolderId_NamesHostAndProcess_AndDiffersEachTime()
    {
        var first = LeaderLease.NewHolderId();

        Assert.StartsWith($"{Environment.MachineName}/{Environment.ProcessId}/", first, StringComparison.Ordinal);
        Assert.NotEqual(first, LeaderLease.NewHolderId());
    }
}
