using System.Text.Json.Nodes;
using Guv.Platforms.Heroku;
using Guv.Tests.Support;
using Guv.Tests.Support.Heroku;
using static Guv.Tests.Platforms.Heroku.HerokuTestConfig;

namespace Guv.Tests.Platforms.Heroku;

public sealed class HerokuPlatformTests : HerokuDoubleTestBase
{
    [Fact]
    public async Task Read_TwoApps_OneGetPerAppWithV3HeadersAndEachRolesQuantity()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);

        var counts = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Equal(2, counts["resize"].Workers);
        Assert.Equal(1, counts["upload"].Workers);
        Assert.Equal(1, counts["mail"].Workers);
        var gets = Heroku.Requests;
        Assert.Equal(["/apps/alpha/formation", "/apps/beta/formation"], gets.Select(r => r.Path).Order().ToArray());
        Assert.All(gets, r =>
        {
            Assert.Equal("GET", r.Method);
            Assert.Equal("application/vnd.heroku+json; version=3", r.Accept);
            Assert.Equal($"Bearer {HerokuDouble.Key}", r.Authorization);
        });
    }

    [Fact]
    public async Task Scale_RolesOfOneApp_OnePatchWithEveryUpdateAndNoSizeUnlessSet()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);

        var results = await platform.ScaleAsync(
            [Request(config, "resize", 2, 5), Request(config, "upload", 1, 3)], CancellationToken.None);

        Assert.Equal(5, results["resize"].Workers);
        Assert.Equal(3, results["upload"].Workers);
        var patch = Assert.Single(Heroku.Requests);
        Assert.Equal("PATCH", patch.Method);
        Assert.StartsWith("application/json", patch.ContentType, StringComparison.Ordinal);
        Assert.Equal("""{"updates":[{"type":"resizer","quantity":5},{"type":"uploader","quantity":3}]}""", patch.Body);
        Assert.Equal(5, Heroku.Quantity("alpha", "resizer"));
        Assert.Equal(3, Heroku.Quantity("alpha", "uploader"));
        Assert.Equal("Standard-2X", Heroku.Size("alpha", "uploader"));
    }

    [Fact]
    public async Task Scale_DynosizeSet_SendsSize()
    {
        var config = Load(Heroku, "resize: {app: alpha, worker: resizer, dynosize: performance-m}");
        await using var platform = Platform(Http);

        await platform.ScaleAsync([Request(config, "resize", 2, 4)], CancellationToken.None);

        var body = JsonNode.Parse(Assert.Single(Heroku.Requests).Body)!;
        Assert.Equal("performance-m", (string?)body["updates"]![0]!["size"]);
        Assert.Equal("Performance-M", Heroku.Size("alpha", "resizer"));
    }

    [Fact]
    public async Task Describe_PrintsExactlyTheRequestScaleSends()
    {
        var config = Load(Heroku, TwoApps);
        await using var platform = Platform(Http);
        var requests = new[] { Request(config, "resize", 2, 6), Request(config, "mail", 1, 0) };

        var lines = platform.Describe(requests);
        await platform.ScaleAsync(requests, CancellationToken.None);

        var sent = Heroku.Requests.Select(r => $"heroku: {r.Method} {Heroku.Url}{r.Path} {r.Body}").Order();
        Assert.Equal(sent, lines.Order());
        Assert.Equal(2, lines.Count);
    }

    [Fact]
    public async Task Check_NoAppNoKeyBadAddress_NamesEachFix()
    {
        var config = new Guv.Configuration.ConfigLoader(_ => null).Load("resize: {heroku_api: 'ftp://x'}", "t.guv.yaml");

        var problems = HerokuPlatform.Check(config.Roles[0]).ToList();

        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p =>
            p.Contains("no Heroku app", StringComparison.Ordinal) && p.Contains("GUV_APP", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("HEROKU_API_KEY", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'ftp://x'", StringComparison.Ordinal));
        Assert.Empty(HerokuPlatform.Check(Load(Heroku, TwoApps).Roles[0]));
    }
}
