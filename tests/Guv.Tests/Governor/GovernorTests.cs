using Guv.Configuration;
using Guv.Model.Policies;
using Guv.Platforms;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Governor;

public class GovernorTests
{
    private const string TwoRoles = """
        '*':
          broker: amqp://guest:guest@127.0.0.1:5672/
          platform: local
          command: /bin/true
          pollinterval: 30
          minimum: 0
          maximum: 20
        images: {}
        pdfs: {}
        """;

    private static (Guv.Governor.Governor Governor, FakeQueueSource Source, FakePlatform Platform) Build(
        string yaml = TwoRoles,
        bool dryRun = false)
    {
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        var source = new FakeQueueSource();
        var platform = new FakePlatform();
        var governor = new Guv.Governor.Governor(config, source, new PlatformSet([platform]), TimeProvider.System,
            NullLogger<Guv.Governor.Governor>.Instance, new Guv.Governor.GovernorOptions { DryRun = dryRun });
        return (governor, source, platform);
    }

    [Fact]
    public async Task Tick_Backlog_ScalesUpInOneBatch()
    {
        var (governor, source, platform) = Build();
        source.SetJobs("images", 40);
        source.SetJobs("pdfs", 4);

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.Single(platform.ScaleCalls);
        Assert.Equal(11, platform.Counts["images"]);
        Assert.Equal(2, platform.Counts["pdfs"]);
        Assert.Equal(DecisionReason.ScaleUp, report.Roles[0].Decision!.Reason);
        Assert.Equal(11, report.Roles[0].Applied);
    }

    [Fact]
    public async Task Tick_OneQueueUnreadable_OtherRoleStillScales()
    {
        var (governor, source, platform) = Build();
        source.SetJobs("pdfs", 40);
        source.Readings["images"] = QueueReading.Failed(QueueReadError.Unreachable, "connection refused");

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.Equal("connection refused", report.Roles[0].Error);
        Assert.Null(report.Roles[0].Decision);
        Assert.False(platform.Counts.ContainsKey("images"));
        Assert.Equal(11, platform.Counts["pdfs"]);
    }

    [Fact]
    public async Task Tick_ReadFailsAfterScaleUp_NeverScalesDownForMissingData()
    {
        var (governor, source, platform) = Build();
        source.SetJobs("images", 40);
        source.SetJobs("pdfs", 0);
        await governor.TickAsync(CancellationToken.None);
        Assert.Equal(11, platform.Counts["images"]);

        source.Readings["images"] = QueueReading.Failed(QueueReadError.NoStatistics, "no statistics yet");
        for (var i = 0; i < 10; i++)
        {
            await governor.TickAsync(CancellationToken.None);
        }

        Assert.Equal(11, platform.Counts["images"]);
        Assert.Single(platform.ScaleCalls);
    }

    [Fact]
    public async Task Tick_DryRun_DecidesButChangesNothing()
    {
        var (governor, source, platform) = Build(dryRun: true);
        source.SetJobs("images", 40);
        source.SetJobs("pdfs", 40);

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.Empty(platform.ScaleCalls);
        Assert.Equal(11, report.Roles[0].Decision!.Next);
    }

    [Fact]
    public async Task Tick_NoChange_SendsNoRequest()
    {
        var (governor, source, platform) = Build();
        platform.Counts["images"] = 11;
        platform.Counts["pdfs"] = 0;
        source.SetJobs("images", 40);
        source.SetJobs("pdfs", 0);

        await governor.TickAsync(CancellationToken.None);

        Assert.Empty(platform.ScaleCalls);
    }

    [Fact]
    public async Task Reload_KeepsEachRolesHistory()
    {
        var (governor, source, platform) = Build();
        source.SetJobs("images", 40);
        source.SetJobs("pdfs", 0);
        await governor.TickAsync(CancellationToken.None);

        governor.Reload(new ConfigLoader(_ => null).Load(TwoRoles.Replace("maximum: 20", "maximum: 30",
            StringComparison.Ordinal), "test"));
        source.SetJobs("images", 0);
        var report = await governor.TickAsync(CancellationToken.None);

        // The estimate of 11 from before the reload still holds the role up inside the history window.
        Assert.Equal(30, governor.Config.Roles[0].Maximum);
        Assert.Equal(DecisionReason.HeldByHistory, report.Roles[0].Decision!.Reason);
        Assert.Equal(11, platform.Counts["images"]);
    }

    [Fact]
    public async Task Tick_BrokerMissing_ReportsRoleAndScalesNothing()
    {
        var (governor, _, platform) = Build(TwoRoles.Replace("  broker: amqp://guest:guest@127.0.0.1:5672/\n", "",
            StringComparison.Ordinal));

        var report = await governor.TickAsync(CancellationToken.None);

        Assert.All(report.Roles, r => Assert.Contains("no broker", r.Error, StringComparison.Ordinal));
        Assert.Empty(platform.ScaleCalls);
    }
}
