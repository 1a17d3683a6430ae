using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Guv.Tests.Cli;

/// <summary>
/// <c>guv run</c> reads a management API over HTTPS from a loopback server signed by a CA the test makes: refused
/// with a message naming the option until the CA is given by <c>ca_file</c> or env <c>GUV_CA_FILE</c> (issue #6).
/// </summary>
public sealed class RunTrustTests : IDisposable
{
    private readonly TestCertificates _certificates = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-cli-tls-").FullName;

    public void Dispose()
    {
        _certificates.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("ca_file")]
    [InlineData("GUV_CA_FILE")]
    public async Task RunOnce_HttpsManagementApi_TrustedOnlyWithTheCaGiven(string how)
    {
        using var server = _certificates.Server();
        await using var management = await LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("""[{"name":"work","messages":9,"consumers":0}]""");
        }, server);
        var pem = _certificates.WriteAuthorityPem(_folder);
        var caKey = how == "ca_file" ? $", ca_file: '{pem}'" : "";
        var config = Path.Combine(_folder, "tls.guv.yaml");
        await File.WriteAllTextAsync(config, $"""
            work: {"{"}platform: local, command: /bin/true, minimum: 0, broker: 'amqps://guest:guest@127.0.0.1/',
                   management: '{management.Url}'{caKey}{"}"}
            """);
        var environment = new Dictionary<string, string?> { ["GUV_CA_FILE"] = how == "GUV_CA_FILE" ? pem : null };

        var result = await GuvProcess.RunAsync(
            ["run", "--once", "--dry-run", "--listen", "off", "--history-db", "off", "--config", config], environment);

        var output = result.Stdout + result.Stderr;
        Assert.Equal(0, result.ExitCode);
        if (how == "none")
        {
            Assert.Contains("cannot verify the TLS certificate of 127.0.0.1", output, StringComparison.Ordinal);
            Assert.Contains("'ca_file' in the config or env GUV_CA_FILE", output, StringComparison.Ordinal);
        }
        else
        {
            Assert.DoesNotContain("cannot verify", output, StringComparison.Ordinal);
            Assert.Contains("dry run, would send: local: work: start workers", output, StringComparison.Ordinal);
        }
    }
}
