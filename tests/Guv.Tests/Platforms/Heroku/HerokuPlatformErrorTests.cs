using System.Net;
using Guv.Platforms.Heroku;
using Guv.Tests.Support;
using Guv.Tests.Support.Heroku;
using static Guv.Tests.Platforms.Heroku.HerokuTestConfig;

namespace Guv.Tests.Platforms.Heroku;

public sealed class HerokuPlatformErrorTests : HerokuDoubleTestBase
{
    [Fact]
    public async Task Scale_AboveSizeLimit_ClampsToReportedLimitAndRetriesOnce()
    {
        var config = Load(Heroku, TwoApps);
        var log = new ListLogger<HerokuPlatform>();
        await using var platform = Platform(Http, log: log);

        var results = await platform.ScaleAsync(
            [Request(config, "resize", 2, 15), Request(config, "upload", 1, 2)], CancellationToken.None);

        Assert.Equal(10, results["resize"].Workers);
        Assert.Equal(2, results["upload"].Workers);
        Assert.Equal(10, Heroku.Quantity("alpha", "resizer"));
        Assert.Equal(2, Heroku.Patches("alpha").Count);
        Assert.Contains("\"quantity\":10", Heroku.Patches("alpha")[1].Body, StringComparison.Ordinal);
        var warning = Assert.Single(log.Messages(3101));
        Assert.Contains("at most 10 Performance-L dynos", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scale_LimitKnown_ClampsBeforeSendingAndWarnsEveryTickUntilMaximumLowered()
    {
        var config = Load(Heroku, TwoApps);
        var log = new ListLogger<HerokuPlatform>();
        await using var platform = Platform(Http, log: log);
        await platform.ScaleAsync([Request(config, "resize", 2, 15)], CancellationToken.None);
        var patchesBefore = Heroku.Patches("alpha").Count;

        await platform.ReadAsync(config.Roles, CancellationToken.None);
        var again = await platform.ScaleAsync([Request(config, "resize", 10, 18)], CancellationToken.None);
        await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Equal(10, again["resize"].Workers);
        Assert.Equal(patchesBefore, Heroku.Patches("alpha").Count); // already at the limit: nothing to send
        Assert.Equal(2, log.Messages(3102).Count);
        Assert.Contains("lower 'maximum' to 10", log.Messages(3102)[0], StringComparison.Ordinal);

        var lowered = Load(Heroku, TwoApps.Replace("max: 20", "max: 10", StringComparison.Ordinal));
        await platform.ReadAsync(lowered.Roles, CancellationToken.None);
        await platform.ReadAsync(lowered.Roles, CancellationToken.None);
        Assert.Equal(2, log.Messages(3102).Count);
    }

    [Fact]
    public async Task Scale_RateLimitSpent_429HoldsChangesUntilThePauseEnds()
    {
        var config = Load(Heroku, TwoApps);
        var clock = new ManualClock();
        await using var platform = Platform(Http, clock);
        Heroku.Remaining = 0;

        var read = await platform.ReadAsync(config.Roles, CancellationToken.None);
        var requestsAfter429 = Heroku.Requests.Count;
        var held = await platform.ScaleAsync([Request(config, "resize", 2, 4)], CancellationToken.None);

        Assert.Contains("rate limit", read["resize"].Error, StringComparison.Ordinal);
        Assert.Contains("rate limit", held["resize"].Error, StringComparison.Ordinal);
        Assert.Equal(requestsAfter429, Heroku.Requests.Count);

        Heroku.Remaining = 1000;
        clock.Advance(TimeSpan.FromSeconds(61));
        var later = await platform.ScaleAsync([Request(config, "resize", 2, 4)], CancellationToken.None);
        Assert.Equal(4, later["resize"].Workers);
        Assert.Equal(4, Heroku.Quantity("alpha", "resizer"));
    }

    [Fact]
    public async Task Read_RemainingNearZero_KeepsCountsButSendsNoChangesDuringThePause()
    {
        var config = Load(Heroku, TwoApps);
        var log = new ListLogger<HerokuPlatform>();
        await using var platform = Platform(Http, new ManualClock(), log);
        Heroku.Remaining = 10;

        await platform.ReadAsync(config.Roles, CancellationToken.None);
        var sent = Heroku.Requests.Count;
        var cached = await platform.ReadAsync(config.Roles, CancellationToken.None);
        var held = await platform.ScaleAsync([Request(config, "mail", 1, 3)], CancellationToken.None);

        Assert.Equal(sent, Heroku.Requests.Count);
        Assert.Equal(2, cached["resize"].Workers);
        Assert.Equal(1, cached["mail"].Workers);
        Assert.NotNull(held["mail"].Error);
        Assert.Equal(1, Heroku.Quantity("beta", "mailer"));
        Assert.NotEmpty(log.Messages(3103));
    }

    [Fact]
    public async Task Read_KeyRefused401_NamesWhereTheKeyCameFromNeverTheKey()
    {
        const string wrongKey = "wrong-key-abcdef0123456789";
        var config = Load(Heroku, TwoApps, key: wrongKey);
        var log = new ListLogger<HerokuPlatform>();
        await using var platform = Platform(Http, log: log);

        var read = await platform.ReadAsync(config.Roles, CancellationToken.None);
        var scaled = await platform.ScaleAsync([Request(config, "resize", 2, 3)], CancellationToken.None);

        Assert.All(read.Values.Concat(scaled.Values), r =>
        {
            Assert.Contains("401", r.Error, StringComparison.Ordinal);
            Assert.Contains("the HEROKU_API_KEY environment variable", r.Error, StringComparison.Ordinal);
            Assert.DoesNotContain(wrongKey, r.Error, StringComparison.Ordinal);
        });
        Assert.All(log.Events, e => Assert.DoesNotContain(wrongKey, e.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Read_KeyFromConfigForbidden403_FailsThatAppOnlyAndNamesTheConfigLine()
    {
        var yaml = TwoApps.Replace("max: 20}", $"max: 20, apikey: {HerokuDouble.Key}}}", StringComparison.Ordinal);
        var config = Load(Heroku, yaml, key: null);
        Heroku.ForbiddenApps.Add("alpha");
        await using var platform = Platform(Http);

        var read = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Contains("403", read["resize"].Error, StringComparison.Ordinal);
        Assert.Contains("'apikey' in test.guv.yaml line 1", read["resize"].Error, StringComparison.Ordinal);
        Assert.DoesNotContain(HerokuDouble.Key, read["resize"].Error, StringComparison.Ordinal);
        Assert.Null(read["mail"].Error);
    }

    [Fact]
    public async Task Read_NoSuchAppOrProcessType_FailsThoseRolesOnly()
    {
        var config = Load(Heroku, TwoApps + "\nghost: {app: gamma}\nmissing: {worker: nosuchtype}\n");
        await using var platform = Platform(Http);

        var read = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Contains("no app 'gamma'", read["ghost"].Error, StringComparison.Ordinal);
        Assert.Contains("no process type 'nosuchtype'", read["missing"].Error, StringComparison.Ordinal);
        Assert.Equal(2, read["resize"].Workers);
        Assert.Equal(1, read["mail"].Workers);
    }

    [Fact]
    public async Task Scale_ProcessTypeGoneSinceRead_FailsThatRoleAndAppliesTheOthers()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);
        Heroku.RemoveProcessType("alpha", "uploader");

        var results = await platform.ScaleAsync(
            [Request(config, "resize", 2, 4), Request(config, "upload", 1, 3)], CancellationToken.None);

        Assert.Contains("no process type 'uploader'", results["upload"].Error, StringComparison.Ordinal);
        Assert.Equal(4, results["resize"].Workers);
        Assert.Equal(4, Heroku.Quantity("alpha", "resizer"));
    }

    [Fact]
    public async Task Scale_ServerErrors_RetriedUntilAnswered()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);
        Heroku.FailNext(HttpStatusCode.ServiceUnavailable, count: 2, app: "alpha");

        var results = await platform.ScaleAsync([Request(config, "resize", 2, 4)], CancellationToken.None);

        Assert.Equal(4, results["resize"].Workers);
        Assert.Equal(3, Heroku.Patches("alpha").Count);
    }

    [Fact]
    public async Task Scale_OneAppKeepsFailing_OtherAppsUnaffected()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);
        Heroku.FailNext(HttpStatusCode.InternalServerError, count: 50, app: "alpha");

        var results = await platform.ScaleAsync(
            [Request(config, "resize", 2, 4), Request(config, "mail", 1, 2)], CancellationToken.None);

        Assert.Contains("500", results["resize"].Error, StringComparison.Ordinal);
        Assert.Contains("5 attempts", results["resize"].Error, StringComparison.Ordinal);
        Assert.Equal(2, results["mail"].Workers);
        Assert.Equal(2, Heroku.Quantity("beta", "mailer"));
    }

    [Fact]
    public async Task Scale_OneAppTooSlow_GivesUpAtTheBudgetWhileOtherAppsScale()
    {
        var config = Load(Heroku, TwoApps);
        var options = FastRetries with { Retry = FastRetries.Retry with { AttemptTimeout = TimeSpan.FromMilliseconds(200) } };
        await using var platform = Platform(Http, options: options);
        Heroku.Delay = TimeSpan.FromSeconds(5);
        Heroku.SlowApp = "alpha";
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(2));

        var results = await platform.ScaleAsync(
            [Request(config, "resize", 2, 4), Request(config, "mail", 1, 2)], budget.Token);

        Assert.Contains("no answer within 0.2 s", results["resize"].Error, StringComparison.Ordinal);
        Assert.Equal(2, results["mail"].Workers);
    }
}
