using System.Globalization;
using Guv.Configuration;
using Guv.IntegrationTests.Support;
using Guv.Platforms;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.IntegrationTests.Faults;

/// <summary>One slow management API must not hold up the roles whose broker answers: each tick has a budget.</summary>
public sealed class SlowManagementApiTests
{
    [Fact]
    public async Task SlowSource_OtherRolesStillDecide_SlowRoleReportedWithinThePollInterval()
    {
        var queue = TestBroker.UniqueQueue("guv-slow");
        await TestBroker.PublishAsync(queue, 8, 0);
        using var hang = new CancellationTokenSource();
        await using var slow = await LoopbackServer.StartAsync(async (context, _) =>
            await Task.Delay(TimeSpan.FromSeconds(60), hang.Token));
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            '*': {"{"}platform: local, command: /bin/true, minimum: 0, maximum: 10, pollinterval: 3{"}"}
            fast: {"{"}broker: '{TestBroker.Url}', queue: {queue}{"}"}
            slow: {"{"}broker: 'amqp://guest:guest@127.0.0.1:5672/slowvhost', management: '{slow.Url}'{"}"}
            """);
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        var platform = new FakePlatform();
        using var http = new HttpClient();
        var governor = new Guv.Governor.Governor(config, new RabbitMqManagementSource(http), new PlatformSet([platform]),
            TimeProvider.System, NullLogger<Guv.Governor.Governor>.Instance);
        try
        {
            // Statistics lag a second or two behind the publish: tick until the fast queue shows its jobs.
            Guv.Governor.TickReport tick;
            var attempts = 0;
            do
            {
                tick = await governor.TickAsync(CancellationToken.None);
                Assert.True(tick.Duration < TimeSpan.FromSeconds(3),
                    $"a tick took {tick.Duration.TotalSeconds:0.0} s, longer than the 3 s poll interval");
                Assert.Contains("did not answer within the tick's time budget", tick.Roles[1].Error, StringComparison.Ordinal);
            }
            while (tick.Roles[0].Stats?.Jobs is not > 0 && ++attempts < 10);

            Assert.Null(tick.Roles[0].Error);
            Assert.True(platform.Counts["fast"] > 0);
            Assert.False(platform.Counts.ContainsKey("slow"));
        }
        finally
        {
            await hang.CancelAsync();
            await TestBroker.DeleteQueueAsync(queue);
        }
    }
}
