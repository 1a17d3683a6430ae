using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Guv.Tests.Support;

namespace Guv.Tests.Cli;

/// <summary>
/// <c>guv run --listen</c> on an address other machines could reach needs a token (issue #6). The refused start binds
/// nothing; the started one binds every address, and the test talks to it on 127.0.0.1 only.
/// </summary>
public sealed class RunListenAuthTests : IDisposable
{
    private const string Token = "cli-test-token-9f8e7d6c5b4a";
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-cli-auth-").FullName;
    private readonly string _config;

    public RunListenAuthTests()
    {
        _config = Path.Combine(_folder, "auth.guv.yaml");
        File.WriteAllText(_config, """
            work: {platform: local, command: /bin/true, minimum: 0, pollinterval: 1, broker: 'amqp://guest:guest@127.0.0.1:9/',
                   management: 'http://127.0.0.1:9/'}
            """);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Run_ListenOnEveryAddressWithoutToken_ExitsWithTheFix()
    {
        var result = await GuvProcess.RunAsync(
            ["run", "--config", _config, "--history-db", "off", "--listen", $"0.0.0.0:{FreePort()}"],
            new Dictionary<string, string?> { ["GUV_AUTH_TOKEN"] = null });

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("can be reached from other machines", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--auth-token or env GUV_AUTH_TOKEN", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ListenOnEveryAddressWithToken_AnswersOnlyWithTheToken()
    {
        var port = FreePort();
        using var guv = GuvProcess.Start(
            ["run", "--config", _config, "--history-db", "off", "--listen", $"0.0.0.0:{port}"],
            new Dictionary<string, string?> { ["GUV_AUTH_TOKEN"] = Token });
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await WaitForServerAsync(http, guv);

            using var without = await http.GetAsync("api/state");
            using var request = new HttpRequestMessage(HttpMethod.Get, "api/state");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
            using var with = await http.SendAsync(request);

            Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode);
            Assert.Equal(HttpStatusCode.OK, with.StatusCode);
            Assert.Contains("\"roles\"", await with.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        finally
        {
            guv.Kill();
            await guv.WaitForExitAsync();
        }
    }

    private static async Task WaitForServerAsync(HttpClient http, System.Diagnostics.Process guv)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var health = await http.GetAsync("healthz");
                return;
            }
            catch (HttpRequestException) when (attempt < 200 && !guv.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
