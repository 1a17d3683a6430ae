using Guv.Tests.Support;
using System.Net;
using System.Text.Json.Nodes;
using Guv.History;
using Guv.Tests.TestDoubles;
using Guv.Web;

namespace Guv.Tests.Web;

public sealed class GuvWebServerTests
{
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:Broker-Pass@127.0.0.1/'}
        resize: {processing: 10, deadline: 60, max: 40}
        """;

    [Fact]
    public async Task Healthz_BeforeTheFirstTick_IsUnavailable_ThenOk_ThenStaleAfterThreeMissedTicks()
    {
        var rig = new GovernorRig(Config);
        await using var web = await StartAsync(rig, new MemoryHistoryStore());
        using var http = new HttpClient { BaseAddress = web.Address };

        using var before = await http.GetAsync("healthz");
        await rig.TickAsync("resize", 5);
        using var after = await http.GetAsync("healthz");
        rig.Time.Advance(TimeSpan.FromMinutes(2));
        using var stale = await http.GetAsync("healthz");

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "unhealthy: no tick yet\n"),
            (before.StatusCode, await before.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, stale.StatusCode);
        Assert.Contains("the last tick was 130 s ago", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WhenNoRoleWasRead_IsUnavailable()
    {
        var rig = new GovernorRig(Config);
        await using var web = await StartAsync(rig, new MemoryHistoryStore());
        using var http = new HttpClient { BaseAddress = web.Address };
        await rig.Governor.TickAsync(CancellationToken.None); // no queue set: the read fails

        using var answer = await http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal("unhealthy: the last tick read none of 1 roles\n", await answer.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task State_AfterATick_ShowsTheDecisionAndLimitsButNoBrokerUrl()
    {
        var rig = new GovernorRig(Config);
        await using var web = await StartAsync(rig, new MemoryHistoryStore());
        using var http = new HttpClient { BaseAddress = web.Address };
        await rig.TickAsync("resize", 420);

        var text = await http.GetStringAsync("api/state");
        var role = JsonNode.Parse(text)!["roles"]![0]!;

        Assert.Equal("resize", role["role"]!.GetValue<string>());
        Assert.Equal(420, role["last"]!["jobs"]!.GetValue<int>());
        Assert.Equal(40, role["last"]!["desired"]!.GetValue<int>());
        Assert.Equal(40, role["last"]!["maximum"]!.GetValue<int>());
        Assert.Equal("420 jobs x 10 s over 38.37 s available = 110 workers, capped at max 40",
            role["last"]!["explanation"]!.GetValue<string>());
        Assert.DoesNotContain("Broker-Pass", text, StringComparison.Ordinal);
        Assert.DoesNotContain("amqp", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task History_FiltersByRoleAndSince_AndRejectsATimeItCannotRead()
    {
        var rig = new GovernorRig(Config);
        var store = new MemoryHistoryStore();
        await store.AppendAsync([
            Record(rig.Time.Now.AddHours(-5), "resize", 1),
            Record(rig.Time.Now.AddMinutes(-5), "resize", 2),
            Record(rig.Time.Now.AddMinutes(-5), "other", 3),
        ], CancellationToken.None);
        await using var web = await StartAsync(rig, store);
        using var http = new HttpClient { BaseAddress = web.Address };

        var recent = JsonNode.Parse(await http.GetStringAsync("api/history"))!.AsArray();
        var resize = JsonNode.Parse(await http.GetStringAsync("api/history?role=resize&since=6h"))!.AsArray();
        using var bad = await http.GetAsync("api/history?since=yesterday");

        Assert.Equal([2, 3], recent.Select(r => r!["jobs"]!.GetValue<int>()));
        Assert.Equal([1, 2], resize.Select(r => r!["jobs"]!.GetValue<int>()));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task Dashboard_IsServedFromTheAssemblyWithAPolicyAllowingNothingElse()
    {
        var rig = new GovernorRig(Config);
        await using var web = await StartAsync(rig, new MemoryHistoryStore());
        using var http = new HttpClient { BaseAddress = web.Address };

        using var page = await http.GetAsync("");
        var script = await http.GetStringAsync("dashboard.js");
        using var missing = await http.GetAsync("no-such-file.js");
        using var metrics = await http.GetAsync("metrics");

        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.Equal("default-src 'self'; img-src 'self' data:", page.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("<script src=\"/dashboard.js\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http", html.Replace("http-equiv", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("/api/state", script, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", metrics.Content.Headers.ContentType!.ToString());
    }

    [Fact]
    public async Task History_StoreFailing_AnswersUnavailableWithTheCause()
    {
        var rig = new GovernorRig(Config);
        await using var web = await StartAsync(rig, new FailingStore());
        using var http = new HttpClient { BaseAddress = web.Address };

        using var answer = await http.GetAsync("api/history");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Contains("disk I/O error", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task<GuvWebServer> StartAsync(GovernorRig rig, IHistoryStore store) =>
        GuvWebServer.StartAsync(new ListenAddress(IPAddress.Loopback, 0),
            new WebSources(rig.Governor, store, new GuvMetrics(), rig.Time, DryRun: false), CancellationToken.None);

    private static HistoryRecord Record(DateTimeOffset at, string role, int jobs) =>
        new(at, role, jobs, null, null, null, 1, 1, 1, 1, 1, 5, 60, "Unchanged", null, null);

    private sealed class FailingStore : IHistoryStore
    {
        public string Description => "a broken store";

        public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken) =>
            Task.CompletedTask;

        public Task<IReadOnlyList<HistoryRecord>> ReadAsync(
            string? role,
            DateTimeOffset since,
            CancellationToken cancellationToken) =>
            throw new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10);

        public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken) => Task.FromResult(0);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
