using Guv.Configuration;
using Guv.Model.Policies;
using Guv.Platforms;
using Guv.Tests.Support;

namespace Guv.Tests.Governor;

/// <summary>The governor's leader hook (issue #6): a standby decides every tick and changes no workers.</summary>
public sealed class GovernorMayApplyTests
{
    private const string Role = """
        '*': {broker: 'amqp://guest:guest@127.0.0.1:5672/', platform: local, command: /bin/true, pollinterval: 1,
              minimum: 0, maximum: 20}
        images: {}
        """;

    private readonly ListLogger<Guv.Governor.Governor> _log = new();
    private int _asked;

    private (Guv.Governor.Governor Governor, FakeQueueSource Source, FakePlatform Platform) Build(
        Func<CancellationToken, Task<bool>> mayApply)
    {
        var config = new ConfigLoader(_ => null).Load(Role, "test");
        var source = new FakeQueueSource();
        var platform = new FakePlatform();
        var governor = new Guv.Governor.Governor(config, source, new PlatformSet([platform]), TimeProvider.System,
            _log, new Guv.Governor.GovernorOptions
            {
                MayApply = token =>
                {
                    Interlocked.Increment(ref _asked);
                    return mayApply(token);
                },
            });
        return (governor, source, platform);
    }

    [Fact]
    public async Task Tick_MayApplyFalse_DecidesButChangesNoWorkers()
    {
        var (governor, source, platform) = Build(_ => Task.FromResult(false));
        source.SetJobs("images", 40);

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.Empty(platform.ScaleCalls);
        Assert.Equal(DecisionReason.ScaleUp, report.Roles[0].Decision!.Reason);
        Assert.Equal(0, report.Roles[0].Applied);
    }

    [Fact]
    public async Task Tick_Standby_CountChangedByTheLeader_IsNoDrift()
    {
        var (governor, source, platform) = Build(_ => Task.FromResult(false));
        source.SetJobs("images", 40);
        await governor.TickAsync(CancellationToken.None);

        platform.Counts["images"] = 11; // the leader scaled
        await governor.TickAsync(CancellationToken.None);

        Assert.Empty(_log.Messages(1008));
    }

    [Fact]
    public async Task Tick_MayApplyTrue_Applies()
    {
        var (governor, source, platform) = Build(_ => Task.FromResult(true));
        source.SetJobs("images", 40);

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.Single(platform.ScaleCalls);
        Assert.True(report.Roles[0].Applied > 0);
    }

    [Fact]
    public async Task Tick_NothingToChange_StillAsks_SoTheLeaseIsRenewedEveryTick()
    {
        var (governor, source, _) = Build(_ => Task.FromResult(true));
        source.SetJobs("images", 0);

        await governor.TickAsync(CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);

        Assert.Equal(2, _asked);
    }

    [Fact]
    public async Task Tick_MayApplyDoesNotAnswerWithinTheBudget_ChangesNoWorkers()
    {
        var (governor, source, platform) = Build(async token =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return true;
        });
        source.SetJobs("images", 40);

        await governor.TickAsync(CancellationToken.None);

        Assert.Empty(platform.ScaleCalls);
    }
}
