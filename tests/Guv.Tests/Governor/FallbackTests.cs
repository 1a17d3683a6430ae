using Guv.Configuration;
using Guv.Model.Policies;
using Guv.Platforms;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Governor;

/// <summary>What a role does while its queue cannot be read: hold by default, or raise to its fallback.</summary>
public class FallbackTests
{
    private static (Guv.Governor.Governor Governor, FakeQueueSource Source, FakePlatform Platform) Build(string keys)
    {
        var yaml = $$"""
            '*': {broker: 'amqp://guest:guest@127.0.0.1:5672/', platform: local, command: /bin/true, minimum: 0, maximum: 10}
            images: {{{keys}}}
            """;
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        var source = new FakeQueueSource();
        var platform = new FakePlatform();
        var governor = new Guv.Governor.Governor(config, source, new PlatformSet([platform]), TimeProvider.System,
            NullLogger<Guv.Governor.Governor>.Instance);
        return (governor, source, platform);
    }

    private static void Fail(FakeQueueSource source) =>
        source.Readings["images"] = QueueReading.Failed(QueueReadError.Unreachable, "connection refused");

    [Fact]
    public async Task Hold_ManyFailedReads_KeepsTheCurrentCount()
    {
        var (governor, source, platform) = Build("max: 10");
        platform.Counts["images"] = 3;
        Fail(source);

        for (var i = 0; i < 20; i++)
        {
            var tick = await governor.TickAsync(CancellationToken.None);
            Assert.Null(tick.Roles[0].Decision);
        }

        Assert.Empty(platform.ScaleCalls);
        Assert.Equal(3, platform.Counts["images"]);
    }

    [Fact]
    public async Task Fallback_AfterFailuresInARow_RaisesToTheFallback()
    {
        var (governor, source, platform) = Build("fallback: 4, failures: 3");
        platform.Counts["images"] = 1;
        Fail(source);

        await governor.TickAsync(CancellationToken.None);
        await governor.TickAsync(CancellationToken.None);
        Assert.Empty(platform.ScaleCalls);

        var third = await governor.TickAsync(CancellationToken.None);
        Assert.Equal(DecisionReason.Fallback, third.Roles[0].Decision!.Reason);
        Assert.Equal(4, platform.Counts["images"]);
        Assert.Equal(4, third.Roles[0].Applied);
    }

    [Fact]
    public async Task Fallback_CurrentAboveFallback_NeverScalesDown()
    {
        var (governor, source, platform) = Build("on_error: fallback, fallback: 2, failures: 1");
        platform.Counts["images"] = 7;
        Fail(source);

        for (var i = 0; i < 5; i++)
        {
            await governor.TickAsync(CancellationToken.None);
        }

        Assert.Empty(platform.ScaleCalls);
        Assert.Equal(7, platform.Counts["images"]);
    }

    [Fact]
    public async Task Fallback_GoodReadBetweenFailures_StartsTheCountAgain()
    {
        var (governor, source, platform) = Build("fallback: 4, failures: 2");
        platform.Counts["images"] = 1;

        Fail(source);
        await governor.TickAsync(CancellationToken.None);
        source.SetJobs("images", 0);
        await governor.TickAsync(CancellationToken.None); // a good read: 0 jobs, minimum 0 but history holds 1
        Fail(source);
        await governor.TickAsync(CancellationToken.None);

        Assert.DoesNotContain(platform.ScaleCalls.SelectMany(c => c), r => r.To == 4);
        await governor.TickAsync(CancellationToken.None);
        Assert.Equal(4, platform.Counts["images"]);
    }

    [Theory]
    [InlineData("on_error: panic", "unknown on_error 'panic'. Use one of: hold, fallback.")]
    [InlineData("on_error: fallback", "on_error: fallback needs the workers to fall back to.")]
    [InlineData("fallback: 11", "fallback 11 is above maximum 10.")]
    [InlineData("failures: 0", "must be a whole number of at least 1")]
    public void Config_BadFallback_IsReported(string keys, string expected)
    {
        var yaml = $$"""
            '*': {broker: 'amqp://guest:guest@127.0.0.1:5672/', platform: local, command: /bin/true, maximum: 10}
            images: {{{keys}}}
            """;
        var error = Assert.Throws<ConfigException>(() => new ConfigLoader(_ => null).Load(yaml, "test"));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
