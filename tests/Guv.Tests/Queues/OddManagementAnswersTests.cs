using System.Text;
using Guv.Configuration;
using Guv.Platforms;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Queues;

/// <summary>
/// A management API that answers oddly, tick after tick, in ways real brokers and proxies have: guv must not crash,
/// must report the role, and must never scale down on bad data.
/// </summary>
public class OddManagementAnswersTests
{
    private sealed record Answer(int Status, string ContentType, string Body, string Why);

    private static readonly Answer[] Script =
    [
        new(200, "application/json", """[{"name":"images","messages":40}]""", "a good reading first: scale up"),
        new(200, "application/json", """[{"name":"images","consumers":0}]""", "no statistics yet"),
        new(200, "application/json", """[{"name":"images","messages":0,"message_stats":null}]""", "missing stats (good)"),
        new(200, "application/json", """[{"name":"images","messages":-5}]""", "negative count"),
        new(200, "application/json", """[{"name":"images","messages":1e300}]""", "absurd count"),
        new(200, "application/json",
            """[{"name":"images","messages":0,"message_stats":{"publish_details":{"rate":"NaN"},"ack_details":null}}]""",
            "odd rates (good)"),
        new(502, "text/html", "<html><body><h1>502 Bad Gateway</h1></body></html>", "a proxy's error page"),
        new(200, "text/html", "<html><body>Login</body></html>", "HTML with status 200"),
        new(200, "application/json", """[{"name":"images","messa""", "truncated JSON"),
        new(200, "application/json", "[]", "the queue disappeared"),
        new(200, "application/json", """{"error":"Object Not Found","reason":"Not Found"}""", "an error object"),
        new(200, "application/json", "", "an empty body"),
        new(200, "application/json", "[" + string.Concat(Enumerable.Repeat("[", 5000)) + "]", "deep nesting"),
    ];

    [Fact]
    public async Task OddAnswers_NoCrash_RoleReported_NeverScaledDownOnBadData()
    {
        var step = 0;
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            var answer = Script[Math.Min(step, Script.Length - 1)];
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(answer.Body));
        });
        var yaml = $"""
            '*': {"{"}broker: 'amqp://guest:guest@127.0.0.1:5672/', management: '{server.Url}', platform: local,
                  command: /bin/true, minimum: 0, maximum: 20, history: 600, pollinterval: 30{"}"}
            images: {"{}"}
            """;
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        var platform = new FakePlatform();
        using var http = new HttpClient();
        var governor = new Guv.Governor.Governor(config, new RabbitMqManagementSource(http), new PlatformSet([platform]),
            TimeProvider.System, NullLogger<Guv.Governor.Governor>.Instance);

        var outcomes = new List<string>();
        for (step = 0; step < Script.Length; step++)
        {
            var tick = await governor.TickAsync(CancellationToken.None);
            var role = tick.Roles[0];
            var good = Script[step].Why.Contains("good", StringComparison.Ordinal) || step == 0;
            outcomes.Add($"{Script[step].Why}: {(role.Error ?? "read")}");
            Assert.True(good ? role.Error is null : role.Error is not null,
                $"step {step} ({Script[step].Why}): error '{role.Error}'");
            var workers = platform.Counts.GetValueOrDefault("images");
            Assert.True(workers == 11, $"step {step}: {workers} workers; {role}");
        }

        // Only the first reading scaled; the later good readings of 0 jobs are held by the 600 s history window.
        Assert.Single(platform.ScaleCalls);
        Assert.Contains(outcomes, o => o.Contains("HTML page", StringComparison.Ordinal));
        Assert.Contains(outcomes, o => o.Contains("no queue 'images'", StringComparison.Ordinal));
    }
}
