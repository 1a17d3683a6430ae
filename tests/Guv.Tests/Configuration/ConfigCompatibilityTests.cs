using Guv.Configuration;
using Guv.Model;

namespace Guv.Tests.Configuration;

/// <summary>Configs that guv 0.3 accepted load with the same meaning.</summary>
public sealed class ConfigCompatibilityTests
{
    private static GuvConfig Load(string text, Dictionary<string, string>? environment = null) =>
        new ConfigLoader(name => environment?.GetValueOrDefault(name)).Load(text, "t.yaml");

    [Fact]
    public void Load_Shorthands_MeanTheirLongKeys()
    {
        var role = Load("w1: {p: 3, d: 30, min: 2, max: 9, w: dyno, q: jobs.IN}").Roles[0];

        Assert.Equal((3, 30, 2, 9, "dyno", "jobs.IN"),
            (role.Processing, role.Deadline, role.Minimum, role.Maximum, role.Worker, role.Queue));
    }

    [Fact]
    public void Load_GridApisExample_InheritsFromStarAndFillsDefaults()
    {
        // guv 0.3's spec/configs.yaml, case 'grid-apis'.
        var config = Load("""
            '*': { boot: 40, app: the-grid-apis }
            solve: {d: 30.0, p: 5.0}
            gssmeasure: { deadline: 30.0, p: 5.0 }
            measure: { d: 60.0, processing: 15.0 }
            share: {}
            """);

        Assert.Equal(["solve", "gssmeasure", "measure", "share"], config.Roles.Select(r => r.Name));
        Assert.All(config.Roles, r => Assert.Equal(("the-grid-apis", 40.0), (r.App, r.Boot)));
        var share = config.Find("share")!;
        Assert.Equal((60, 10, 5, 99, 1, 5, "share", "share"), (share.Deadline, share.Processing, share.Stddev,
            share.Percentile, share.Minimum, share.Maximum, share.Worker, share.Queue));
        Assert.Equal((30, 120), (share.PollInterval, share.History));
    }

    [Fact]
    public void Load_RoleOverridesStar_OnlyForThatRole()
    {
        var config = Load("'*': {min: 5, max: 50, app: my-heroku-app}\nimage: {}\ntext: {max: 10}");

        Assert.Equal((5, 50), (config.Find("image")!.Minimum, config.Find("image")!.Maximum));
        Assert.Equal((5, 10), (config.Find("text")!.Minimum, config.Find("text")!.Maximum));
    }

    [Fact]
    public void Load_DifferentAppPerRole_KeepsEachApp()
    {
        var config = Load("'*': {app: one}\na: {}\nb: {app: two}");

        Assert.Equal(["one", "two"], config.Roles.Select(r => r.App));
    }

    [Fact]
    public void Load_RoleWithoutValue_GetsAllDefaults()
    {
        var role = Load("imageprocessing:\nother: ~").Roles[0];

        Assert.Equal(("imageprocessing", 10, 60), (role.Worker, role.Processing, role.Deadline));
    }

    [Fact]
    public void Load_CommentOnly_IsValidWithNoRoles()
    {
        Assert.Empty(Load("# my comment").Roles);
    }

    [Fact]
    public void Load_JsonIndentedWithTabs_LoadsLikeYaml()
    {
        var config = Load("{\n\t\"*\": {\n\t\t\"app\": \"x\"\n\t},\n\t\"a\": {\"p\": 3, \"d\": 30}\n}\n");

        Assert.Equal(("x", 3, 30), (config.Roles[0].App, config.Roles[0].Processing, config.Roles[0].Deadline));
    }

    [Fact]
    public void Load_JsonProblem_KeepsLineAndColumnAsWritten()
    {
        var result = new ConfigLoader(_ => null).Check("{\n\t\"a\": {\"procesing\": 3}\n}", "t.json");

        Assert.Equal("2:8", $"{result.Problems[0].Line}:{result.Problems[0].Column}");
    }

    [Fact]
    public void Load_YamlMergeKeys_AreHonoured()
    {
        var config = Load("base: &base {p: 4, d: 40}\nother: {<<: *base, d: 50}");

        Assert.Equal((4, 50), (config.Find("other")!.Processing, config.Find("other")!.Deadline));
    }

    [Fact]
    public void Load_ExplicitTarget_OverridesTheCalculatedOne()
    {
        var role = Load("w1: {p: 10, target: 30}").Roles[0];

        Assert.Equal(30, ClassicModel.Target(role));
    }

    [Fact]
    public void Load_ZeroStddevOrTarget_MeansTheDefaultAsInGuv03()
    {
        // guv 0.3 tested 'if not c.stddev' and 'if not c.target': zero meant "calculate it".
        var role = Load("w1: {p: 10, stddev: 0, target: 0}").Roles[0];

        Assert.Equal((5, null), (role.Stddev, role.Target));
        Assert.Equal(48.37, ClassicModel.Target(role), 2);
    }

    [Fact]
    public void Load_Percentile_ChangesTheTarget()
    {
        var role = Load("w1: {p: 10, stddev: 5, d: 60, percentile: 50}").Roles[0];

        Assert.Equal(60, ClassicModel.Target(role), 6);
    }

    [Fact]
    public void Load_PlatformAndStatusKeys_AreReadAsWritten()
    {
        var role = Load("w1: {dynosize: performance-m, metric: m1, statuspage: page1, apikey: k1, cost: 0.5}").Roles[0];

        Assert.Equal(("performance-m", "m1", "page1", "k1", 0.5),
            (role.DynoSize, role.Metric, role.StatusPage, role.ApiKey, role.Cost));
    }

    [Fact]
    public void Load_MissingValues_FallBackToTheEnvironment()
    {
        var environment = new Dictionary<string, string>
        {
            ["GUV_APP"] = "env-app",
            ["GUV_BROKER"] = "amqp://guv-broker",
            ["CLOUDAMQP_URL"] = "amqp://cloudamqp",
            ["HEROKU_API_KEY"] = "env-key",
            ["STATUSPAGE_ID"] = "env-page",
        };

        var role = Load("w1: {}", environment).Roles[0];

        Assert.Equal(("env-app", "amqp://guv-broker", "env-key", "env-page"),
            (role.App, role.Broker, role.ApiKey, role.StatusPage));
    }

    [Fact]
    public void Load_NoGuvBroker_FallsBackToCloudAmqpUrl()
    {
        var role = Load("w1: {}", new() { ["GUV_BROKER"] = "", ["CLOUDAMQP_URL"] = "amqp://cloudamqp" }).Roles[0];

        Assert.Equal("amqp://cloudamqp", role.Broker);
    }

    [Fact]
    public void Load_WrittenValues_WinOverTheEnvironment()
    {
        var environment = new Dictionary<string, string> { ["GUV_APP"] = "env-app", ["HEROKU_API_KEY"] = "env-key" };

        var role = Load("w1: {app: mine, apikey: my-key}", environment).Roles[0];

        Assert.Equal(("mine", "my-key"), (role.App, role.ApiKey));
    }
}
