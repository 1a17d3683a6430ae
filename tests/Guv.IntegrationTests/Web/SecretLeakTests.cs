using System.Text;

namespace Guv.IntegrationTests.Web;

/// <summary>
/// guv runs with a broker URL, an API key and integration tokens that all contain one recognisable password,
/// one role working and one failing for a wrong password; the password must appear nowhere guv writes or serves.
/// </summary>
public sealed class SecretLeakTests
{
    internal const string Secret = "Zebra-Secret-4711";

    [Fact]
    public async Task Run_WithSecretsInConfigAndEnvironment_NeverShowsThem()
    {
        using var folder = new TestFolder();
        using var rabbit = new RabbitMqAdmin(TestServices.Broker, TestServices.Management);
        var id = Guid.NewGuid().ToString("N")[..8];
        var (user, queue) = ($"guv-secret-{id}", $"guv-secret-test-{id}");
        await rabbit.CreateUserAsync(user, Secret);
        await rabbit.DeclareAsync(queue);
        try
        {
            var history = Path.Combine(folder.Path, "history.db");
            var leaks = new List<string>();
            await using (var guv = await GuvProcess.StartAsync(folder.Path, Config(folder.Worker, user, queue),
                             new Dictionary<string, string>
                             {
                                 ["HEROKU_API_KEY"] = Secret,
                                 ["NEW_RELIC_ACCOUNT_ID"] = "12345",
                                 ["NEW_RELIC_INSERT_KEY"] = Secret,
                                 ["NEW_RELIC_EVENTS_URL"] = "http://127.0.0.1:9/v1/accounts/12345/events",
                                 ["STATUSPAGE_API_TOKEN"] = Secret,
                                 ["STATUSPAGE_API_URL"] = "http://127.0.0.1:9/",
                             },
                             "--history-db", history, "--log-format", "json"))
            {
                await rabbit.PublishAsync(queue, 5);
                await guv.WaitForStateAsync(
                    s => s["roles"]![0]!["last"]!["jobs"]?.GetValue<int>() == 5 && s["roles"]![1]!["last"]!["error"] is not null,
                    TimeSpan.FromSeconds(30), "a read of the good role and a failure of the bad one");
                await Task.Delay(TimeSpan.FromSeconds(2)); // let the integrations fail against the closed port

                foreach (var path in new[] { "", "dashboard.js", "metrics", "healthz", "api/state", "api/history",
                             $"api/history?role={queue}", "api/history?since=nonsense", "no-such-page" })
                {
                    using var response = await guv.Http.GetAsync(path);
                    Check($"GET /{path}", await response.Content.ReadAsStringAsync() + response.Headers, leaks);
                }

                var exitCode = await guv.StopAsync();
                Assert.Equal(0, exitCode);
                Check("guv's output", guv.Output, leaks);
                Assert.True(guv.Output.Contains("401", StringComparison.Ordinal)
                    && guv.Output.Contains("New Relic: not sent", StringComparison.Ordinal),
                    "guv did not report the wrong password and the unreachable New Relic:\n" + guv.Output);
            }

            foreach (var file in Directory.GetFiles(folder.Path, "history.db*"))
            {
                Check(Path.GetFileName(file), Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), leaks);
            }

            Assert.True(File.Exists(history), "the history store was not written");
            Assert.Empty(leaks);
        }
        finally
        {
            await rabbit.DeleteAsync(queue);
            await rabbit.DeleteUserAsync(user);
        }
    }

    internal static void Check(string where, string text, List<string> leaks)
    {
        foreach (var form in new[] { Secret, Uri.EscapeDataString(Secret), Convert.ToBase64String(Encoding.UTF8.GetBytes(Secret)) })
        {
            if (text.Contains(form, StringComparison.Ordinal))
            {
                leaks.Add($"{where} shows the secret: ...{Around(text, form)}...");
            }
        }
    }

    private static string Around(string text, string found)
    {
        var at = text.IndexOf(found, StringComparison.Ordinal);
        return text[Math.Max(0, at - 80)..Math.Min(text.Length, at + found.Length + 20)];
    }

    private static string Config(string worker, string user, string queue)
    {
        var broker = new UriBuilder(TestServices.Broker) { UserName = user, Password = Secret }.Uri.ToString();
        // Another vhost: the management source reads each vhost with one request, under one role's credentials.
        var wrong = new UriBuilder(TestServices.Broker) { UserName = "guest", Password = Secret, Path = "/guv-secret-vhost" }
            .Uri.ToString();
        var management = TestServices.Management is { } url ? $", management: '{url}'" : "";
        return $"""
            '*': {"{"}pollinterval: 1, platform: local, stop_timeout: 2, command: '{worker}', apikey: '{Secret}'{"}"}
            good: {"{"}queue: {queue}, broker: '{broker}'{management}, statuspage: page1, metric: metric1{"}"}
            bad: {"{"}queue: {queue}, broker: '{wrong}'{management}{"}"}
            """;
    }
}
