using Guv.Configuration;
using Guv.Platforms;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Governor;

/// <summary>The wall clock jumps (NTP steps, a suspended VM): every policy keeps deciding within its bounds.</summary>
public class ClockJumpTests
{
    public static TheoryData<string> Policies => ["classic", "hpa", "next"];

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task ClockJumpsBackAndForth_DecisionsStayWithinBoundsAndBusyRolesAreNotDropped(string policy)
    {
        var yaml = $$"""
            '*': {broker: 'amqp://guest:guest@127.0.0.1:5672/', platform: local, command: /bin/true, pollinterval: 30}
            images: {policy: {{policy}}, minimum: 1, maximum: 15}
            """;
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        var clock = new ManualClock();
        var source = new FakeQueueSource();
        var platform = new FakePlatform();
        var governor = new Guv.Governor.Governor(config, source, new PlatformSet([platform]), clock,
            NullLogger<Guv.Governor.Governor>.Instance);
        TimeSpan[] jumps =
        [
            TimeSpan.FromSeconds(30), TimeSpan.FromHours(-1), TimeSpan.FromSeconds(30), TimeSpan.FromDays(2),
            TimeSpan.FromSeconds(-30), TimeSpan.Zero, TimeSpan.FromDays(-3), TimeSpan.FromSeconds(30),
        ];

        source.SetJobs("images", 60);
        foreach (var jump in jumps)
        {
            clock.Advance(jump);
            var tick = await governor.TickAsync(CancellationToken.None);
            var decision = tick.Roles[0].Decision!;
            Assert.InRange(decision.Estimate, 1, 15);
            Assert.InRange(decision.Next ?? platform.Counts["images"], 1, 15);
        }

        // Still 60 jobs waiting after all the jumps: whatever the clock says, a busy role is not cut to its minimum.
        Assert.True(platform.Counts["images"] > 1, $"{policy}: {platform.Counts["images"]} workers for 60 jobs");
    }
}
