using Guv.Cli;
using Guv.Cli.Hosting;
using Guv.Configuration;

namespace Guv.Tests.Cli.Hosting;

public sealed class GovernorHostPlatformTests
{
    private const string Broker = "amqp://guest:guest@127.0.0.1:5672/";

    [Fact]
    public void Preflight_HerokuRoleWithoutAppOrKey_FailsNamingBothFixes()
    {
        var config = Load("resize: {processing: 5}", new() { ["GUV_BROKER"] = Broker });

        var error = Assert.Throws<UserError>(() => GovernorHost.Preflight(config));

        Assert.Contains("role 'resize': no Heroku app; set 'app' in the config, or the GUV_APP", error.Message, StringComparison.Ordinal);
        Assert.Contains("role 'resize': no Heroku API key; set the HEROKU_API_KEY", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Preflight_HerokuRoleWithAppAndKey_Passes()
    {
        var config = Load("resize: {app: alpha}", new() { ["GUV_BROKER"] = Broker, ["HEROKU_API_KEY"] = "k" });

        GovernorHost.Preflight(config);
    }

    [Fact]
    public void Preflight_KubernetesRoleWithoutClusterConfig_FailsSayingWhatToSet()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"guv-no-such-kubeconfig-{Guid.NewGuid():N}");
        var config = Load($"resize: {{platform: kubernetes, kubeconfig: '{missing}'}}", new() { ["GUV_BROKER"] = Broker });

        var error = Assert.Throws<UserError>(() => GovernorHost.Preflight(config));

        Assert.Contains($"role 'resize': no Kubernetes config: guv is not running in a cluster and there is no kubeconfig at {missing}",
            error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreatePlatforms_HasEveryPlatformTheLoaderAccepts()
    {
        using var logs = LogSetup.Create("text", verbose: false);
        await using var platforms = GovernorHost.CreatePlatforms(TimeProvider.System, logs);

        Assert.Equal(PlatformNames.All.Order(), platforms.All.Select(p => p.Name).Order());
    }

    private static GuvConfig Load(string yaml, Dictionary<string, string> environment) =>
        new ConfigLoader(name => environment.GetValueOrDefault(name)).Load(yaml, "t.guv.yaml");
}
