using System.Net.Http.Headers;
using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Guv.IntegrationTests.Web;

/// <summary>
/// The paths issue #6 added, with the recognisable password of <see cref="SecretLeakTests"/>: the history and lease in
/// PostgreSQL under a user with that password (from env GUV_HISTORY_DB), an auth token holding it, and a broker URL
/// holding it. None of guv's output, endpoints or stored rows may show it, nor may a start with a wrong password.
/// </summary>
public sealed class SecretLeakLeaseTests
{
    private const string Secret = SecretLeakTests.Secret;
    private const string Token = Secret + "-auth-token";

    [Fact]
    public async Task Run_WithLeaseHistoryAndTokenSecrets_NeverShowsThem()
    {
        using var folder = new TestFolder();
        var id = Guid.NewGuid().ToString("N")[..8];
        var (user, database) = ($"guv_secret_{id}", $"guv_secret_{id}");
        await AdminAsync($"CREATE ROLE {user} LOGIN PASSWORD '{Secret}'", $"CREATE DATABASE {database} OWNER {user}");
        var leaks = new List<string>();
        try
        {
            var url = new UriBuilder(TestServices.Postgres) { UserName = user, Password = Secret, Path = database }.Uri
                .ToString();
            await using var management = await LoopbackServer.StartAsync(async (context, _) =>
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""[{"name":"good","messages":3,"consumers":0}]""");
            });
            var config = $"""
                '*': {"{"}pollinterval: 1, platform: local, stop_timeout: 1, minimum: 0, command: '{folder.Worker}'{"}"}
                good: {"{"}broker: 'amqp://guest:{Secret}@127.0.0.1/', management: '{management.Url}'{"}"}
                bad: {"{"}broker: 'amqp://guest:{Secret}@127.0.0.1/', management: 'http://127.0.0.1:9/'{"}"}
                """;
            await using (var guv = await GuvProcess.StartAsync(folder.Path, config,
                             new Dictionary<string, string> { ["GUV_HISTORY_DB"] = url, ["GUV_AUTH_TOKEN"] = Token },
                             "--log-format", "json"))
            {
                using var unauthorized = await guv.Http.GetAsync("api/state");
                Check("GET /api/state without the token", await unauthorized.Content.ReadAsStringAsync()
                    + unauthorized.Headers, leaks);
                guv.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
                await guv.WaitForStateAsync(s => s["leadership"]?.GetValue<string>() == "leader"
                        && s["roles"]![0]!["last"]!["jobs"]?.GetValue<int>() == 3 && s["roles"]![1]!["last"]!["error"] is not null,
                    TimeSpan.FromSeconds(30), "a leader's tick reading one role and failing the other");
                await Task.Delay(TimeSpan.FromSeconds(2)); // let the history reach the database

                foreach (var path in new[] { "", "dashboard.js", "metrics", "healthz", "api/state", "api/history" })
                {
                    using var response = await guv.Http.GetAsync(path);
                    Check($"GET /{path}", await response.Content.ReadAsStringAsync() + response.Headers, leaks);
                }

                Assert.Equal(0, await guv.StopAsync());
                Check("guv's output", guv.Output, leaks);
                Assert.Contains("released the lease", guv.Output, StringComparison.Ordinal);
            }

            Check("the stored rows", await DumpAsync(url), leaks);

            var wrong = new UriBuilder(url) { Password = Secret + "-wrong" }.Uri.ToString();
            var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => GuvProcess.StartAsync(folder.Path,
                config, new Dictionary<string, string> { ["GUV_HISTORY_DB"] = wrong, ["GUV_AUTH_TOKEN"] = Token }));
            Assert.Contains("password authentication failed", refused.Message, StringComparison.Ordinal);
            Check("guv's refusal of a wrong database password", refused.Message, leaks);
        }
        finally
        {
            await AdminAsync($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", $"DROP ROLE IF EXISTS {user}");
        }

        Assert.Empty(leaks);
    }

    private static void Check(string where, string text, List<string> leaks) => SecretLeakTests.Check(where, text, leaks);

    private static async Task<string> DumpAsync(string url)
    {
        await using var source = NpgsqlDataSource.Create(Guv.History.PostgresUrl.ToConnectionString(url));
        await using var command = source.CreateCommand(
            "SELECT coalesce(string_agg(h::text, E'\\n'), '') "
            + "|| coalesce((SELECT string_agg(l::text, E'\\n') FROM guv_leases l), '') "
            + "FROM guv_history h");
        var dump = (string?)await command.ExecuteScalarAsync() ?? "";
        Assert.Contains("good", dump, StringComparison.Ordinal); // the rows are there to be checked
        return dump;
    }

    private static async Task AdminAsync(params string[] statements)
    {
        await using var source = NpgsqlDataSource.Create(Guv.History.PostgresUrl.ToConnectionString(TestServices.Postgres));
        foreach (var sql in statements)
        {
            await using var command = source.CreateCommand(sql);
            await command.ExecuteNonQueryAsync();
        }
    }
}
