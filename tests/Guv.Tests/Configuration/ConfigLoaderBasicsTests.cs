using Guv.Configuration;

namespace Guv.Tests.Configuration;

/// <summary>The loader's core behaviour: guv 0.3's format, inheritance, shorthands, defaults and env fallbacks.</summary>
public class ConfigLoaderBasicsTests
{
    private static GuvConfig Load(string text, Dictionary<string, string>? env = null) =>
        new ConfigLoader(name => env?.GetValueOrDefault(name)).Load(text, "test.guv.yaml");

    [Fact]
    public void Load_RoleWithNoKeys_GetsGuvDefaults()
    {
        var role = Assert.Single(Load("worker:\n").Roles);

        Assert.Equal((10.0, 5.0, 60.0, 99.0, 30.0), (role.Processing, role.Stddev, role.Deadline, role.Percentile, role.Boot));
        Assert.Equal((1, 1, 5), (role.Concurrency, role.Minimum, role.Maximum));
        Assert.Equal(("worker", "worker"), (role.Worker, role.Queue));
        Assert.Equal((30.0, 120.0), (role.PollInterval, role.History));
        Assert.Equal(PlatformNames.Heroku, role.Platform);
    }

    [Fact]
    public void Load_Shorthands_MeanTheirLongKeys()
    {
        var role = Load("r: {p: 4, d: 30, min: 2, max: 9, w: proc, q: jobs}").Roles[0];

        Assert.Equal((4.0, 2.0, 30.0, 2, 9, "proc", "jobs"),
            (role.Processing, role.Stddev, role.Deadline, role.Minimum, role.Maximum, role.Worker, role.Queue));
    }

    [Fact]
    public void Load_Defaults_AreInheritedFromStarAndOverridden()
    {
        var config = Load("""
            '*': {app: shared-app, max: 20, processing: 8}
            a: {}
            b: {max: 3, app: other-app}
            """);

        Assert.Equal(("shared-app", 20, 8.0), (config.Roles[0].App, config.Roles[0].Maximum, config.Roles[0].Processing));
        Assert.Equal(("other-app", 3), (config.Roles[1].App, config.Roles[1].Maximum));
        Assert.Equal(2, config.Roles.Count);
    }

    [Fact]
    public void Load_Json_IsAccepted()
    {
        var config = Load("""{"*": {"pollinterval": 10}, "worker": {"processing": 3, "queue": "q1"}}""");

        Assert.Equal(10, config.PollInterval);
        Assert.Equal((3.0, "q1"), (config.Roles[0].Processing, config.Roles[0].Queue));
    }

    [Fact]
    public void Load_CommentOnly_IsValidWithNoRoles()
    {
        Assert.Empty(Load("# nothing to govern yet\n").Roles);
    }

    [Fact]
    public void Load_EmptyText_IsInvalid()
    {
        var error = Assert.Throws<ConfigException>(() => Load("  \n"));
        Assert.Contains("the config is empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EnvFallbacks_FillAppBrokerAndApiKey()
    {
        var role = Load("worker: {}", new()
        {
            ["GUV_APP"] = "env-app", ["CLOUDAMQP_URL"] = "amqp://c/", ["HEROKU_API_KEY"] = "k", ["STATUSPAGE_ID"] = "sp",
        }).Roles[0];

        Assert.Equal(("env-app", "amqp://c/", "k", "sp"), (role.App, role.Broker, role.ApiKey, role.StatusPage));
    }

    [Fact]
    public void Load_GuvBroker_WinsOverCloudAmqp()
    {
        var role = Load("worker: {}", new() { ["GUV_BROKER"] = "amqp://g/", ["CLOUDAMQP_URL"] = "amqp://c/" }).Roles[0];
        Assert.Equal("amqp://g/", role.Broker);
    }

    [Fact]
    public void Load_UnparsableYaml_NamesLineAndColumn()
    {
        var error = Assert.Throws<ConfigException>(() => Load("worker:\n  p: 1\n  d: [60\n"));
        var problem = Assert.Single(error.Problems);
        Assert.True(problem.Line >= 3, $"line {problem.Line}");
        Assert.StartsWith($"test.guv.yaml:{problem.Line}:{problem.Column}: the text is not valid YAML", problem.ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SeveralProblems_ReportsThemAll()
    {
        var error = Assert.Throws<ConfigException>(() => Load("""
            a: {procesing: 10}
            b: {min: 5, max: 2}
            c: {deadline: -1}
            """));

        Assert.Equal(3, error.Problems.Count);
        Assert.Contains("Did you mean 'processing'?", error.Problems[0].Fix, StringComparison.Ordinal);
        Assert.Equal((2, 5), (error.Problems[1].Line, error.Problems[1].Column));
        Assert.Equal("deadline", error.Problems[2].Key);
    }

    [Fact]
    public void Load_UnrealizableDeadline_LoadsWithAWarning()
    {
        var config = Load("worker: {processing: 10, stddev: 10, deadline: 20}");

        var warning = Assert.Single(config.Warnings);
        Assert.Contains("the deadline cannot be met", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_LocalWithoutCommand_IsInvalid()
    {
        var error = Assert.Throws<ConfigException>(() => Load("worker: {platform: local}"));
        Assert.Equal("command", Assert.Single(error.Problems).Key);
    }
}
