using Microsoft.AspNetCore.Http;
using Guv.Tests.Support;
using System.Text.Json.Nodes;
using Guv.Integrations;
using Guv.Tests.TestDoubles;

namespace Guv.Tests.Integrations;

public class IntegrationSetTests
{
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:guest@127.0.0.1/', app: shop}
        resize: {processing: 10, deadline: 60, max: 40, statuspage: page1, metric: metric9}
        thumbs: {max: 3}
        """;

    [Fact]
    public async Task NewRelic_AfterATick_PostsOneGuvScaledEventPerRoleWithTheKeyInAHeader()
    {
        await using var newRelic = await LoopbackServer.StartAsync(Answer(StatusCodes.Status202Accepted));
        var rig = new GovernorRig(Config);
        rig.Queues.SetJobs("thumbs", 2, consumers: 1);
        var tick = await rig.TickAsync("resize", 420);

        await using (var set = IntegrationSet.FromEnvironment(Environment(new()
                     {
                         ["NEW_RELIC_ACCOUNT_ID"] = "42",
                         ["NEW_RELIC_INSERT_KEY"] = "insert-key-1",
                         ["NEW_RELIC_EVENTS_URL"] = new Uri(newRelic.Url, "v1/accounts/42/events").ToString(),
                     }), new ListLogger()))
        {
            set.Publish(tick, rig.Config);
        }

        var request = Assert.Single(newRelic.Requests);
        Assert.Equal("/v1/accounts/42/events", request.Path);
        Assert.Equal("insert-key-1", request.Headers["X-Insert-Key"]);
        var events = JsonNode.Parse(request.Body)!.AsArray();
        Assert.Equal(2, events.Count);
        var resize = events.Single(e => e!["role"]!.GetValue<string>() == "resize")!;
        Assert.Equal("GuvScaled", resize["eventType"]!.GetValue<string>());
        Assert.Equal("shop", resize["app"]!.GetValue<string>());
        Assert.Equal(420, resize["jobs"]!.GetValue<int>());
        Assert.Equal(40, resize["workers"]!.GetValue<int>());
        Assert.Equal(1.5, resize["fillrate"]!.GetValue<double>());
        Assert.Equal(0.5, resize["drainrate"]!.GetValue<double>());
        Assert.Equal(1, events.Single(e => e!["role"]!.GetValue<string>() == "thumbs")!["consumers"]!.GetValue<int>());
    }

    [Fact]
    public async Task NewRelic_Refused_LogsOneWarningWithoutTheKey()
    {
        await using var newRelic = await LoopbackServer.StartAsync(Answer(StatusCodes.Status403Forbidden));
        var logs = new ListLogger();
        var rig = new GovernorRig(Config);
        rig.Queues.SetJobs("thumbs", 0);

        await using (var set = IntegrationSet.FromEnvironment(Environment(new()
                     {
                         ["NEW_RELIC_ACCOUNT_ID"] = "42",
                         ["NEW_RELIC_INSERT_KEY"] = "Secret-Insert-Key",
                         ["NEW_RELIC_EVENTS_URL"] = newRelic.Url.ToString(),
                     }), logs))
        {
            set.Publish(await rig.TickAsync("resize", 1), rig.Config);
            set.Publish(await rig.TickAsync("resize", 2), rig.Config);
        }

        Assert.Equal(2, newRelic.Requests.Count);
        Assert.Single(logs.Lines, l => l.Contains("New Relic: not sent: the Event API answered 403", StringComparison.Ordinal));
        Assert.DoesNotContain("Secret-Insert-Key", logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statuspage_ForRolesWithAMetric_PostsTheJobsWithTheToken()
    {
        await using var statuspage = await LoopbackServer.StartAsync(Answer(StatusCodes.Status202Accepted));
        var rig = new GovernorRig(Config);
        rig.Queues.SetJobs("thumbs", 2);
        var tick = await rig.TickAsync("resize", 17);

        await using (var set = IntegrationSet.FromEnvironment(Environment(new()
                     {
                         ["STATUSPAGE_API_TOKEN"] = "token-7",
                         ["STATUSPAGE_API_URL"] = statuspage.Url.ToString(),
                     }), new ListLogger()))
        {
            set.Publish(tick, rig.Config);
        }

        var request = Assert.Single(statuspage.Requests);
        Assert.Equal("/v1/pages/page1/metrics/metric9/data", request.Path);
        Assert.Equal("OAuth token-7", request.Headers["Authorization"]);
        var data = JsonNode.Parse(request.Body)!["data"]!;
        Assert.Equal(17, data["value"]!.GetValue<int>());
        Assert.Equal(GovernorRig.Start.ToUnixTimeSeconds(), data["timestamp"]!.GetValue<long>());
    }

    [Fact]
    public async Task Otlp_OnDispose_ExportsTheRoleMetricsAsProtobuf()
    {
        await using var collector = await LoopbackServer.StartAsync(Answer(StatusCodes.Status200OK));
        var rig = new GovernorRig(Config);
        rig.Queues.SetJobs("thumbs", 2);
        var tick = await rig.TickAsync("resize", 420);

        await using (var set = IntegrationSet.FromEnvironment(Environment(new()
                     {
                         ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Url.ToString(),
                     }), new ListLogger()))
        {
            Assert.Equal(["OTLP"], set.Names);
            set.Publish(tick, rig.Config);
        }

        var request = collector.Requests.First(r => r.Path == "/v1/metrics");
        Assert.Equal("application/x-protobuf", request.Headers["Content-Type"]);
        var body = System.Text.Encoding.Latin1.GetString(request.RawBody);
        Assert.Contains("guv.role.jobs", body, StringComparison.Ordinal);
        Assert.Contains("guv.role.workers.desired", body, StringComparison.Ordinal);
        Assert.Contains("resize", body, StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_WithNothingSet_TurnsNothingOn()
    {
        var set = IntegrationSet.FromEnvironment(_ => null, new ListLogger());

        Assert.Empty(set.Names);
    }

    private static Func<string, string?> Environment(Dictionary<string, string> values) => values.GetValueOrDefault;

    /// <summary>A double that answers every request with a status and no body, as the integrations' APIs do.</summary>
    private static Func<HttpContext, string, Task> Answer(int status) => (context, _) =>
    {
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    };
}
