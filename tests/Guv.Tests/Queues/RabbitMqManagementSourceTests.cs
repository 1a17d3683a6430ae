using System.Text;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Guv.Tests.Queues;

/// <summary>The management API source against a loopback server that answers as RabbitMQ's does.</summary>
public class RabbitMqManagementSourceTests
{
    private static async Task<LoopbackServer> ServeAsync(Func<HttpContext, string> answer) =>
        await LoopbackServer.StartAsync(async (context, _) =>
        {
            var body = answer(context);
            context.Response.ContentType = "application/json";
            await context.Response.Body.WriteAsync(Encoding.UTF8.GetBytes(body));
        });

    private static QueueRef Queue(LoopbackServer server, string vhost, string name, string password = "guest") =>
        new(BrokerAddress.Parse($"amqp://guest:{password}@127.0.0.1/{Uri.EscapeDataString(vhost)}", server.Url.ToString()),
            name);

    [Fact]
    public async Task Read_ManyQueuesInTwoVhosts_OneRequestPerVhostWithColumns()
    {
        await using var server = await ServeAsync(c =>
            """[{"name":"a","messages":1},{"name":"b","messages":2},{"name":"c","messages":3}]""");
        using var http = new HttpClient();
        var queues = new[] { Queue(server, "/", "a"), Queue(server, "/", "b"), Queue(server, "jobs", "c") };

        var readings = await new RabbitMqManagementSource(http).ReadAsync(queues, CancellationToken.None);

        Assert.Equal([1, 2, 3], queues.Select(q => readings[q].Stats!.Jobs));
        Assert.Equal(2, server.Requests.Count);
        Assert.Contains(server.Requests, r => r.Path == "/api/queues/%2F");
        Assert.Contains(server.Requests, r => r.Path == "/api/queues/jobs");
    }

    [Fact]
    public async Task Read_VhostWithMoreThanOnePage_ReadsEveryPage()
    {
        await using var server = await ServeAsync(c => c.Request.Query["page"] == "1"
            ? """{"items":[{"name":"a","messages":1}],"page_count":2,"page":1}"""
            : """{"items":[{"name":"z","messages":9}],"page_count":2,"page":2}""");
        using var http = new HttpClient();
        var queues = new[] { Queue(server, "/", "a"), Queue(server, "/", "z") };

        var readings = await new RabbitMqManagementSource(http).ReadAsync(queues, CancellationToken.None);

        Assert.Equal(9, readings[queues[1]].Stats!.Jobs);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Read_SameVhostDifferentPasswords_EachRoleReadsWithItsOwn()
    {
        var good = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("guest:guest"));
        await using var server = await LoopbackServer.StartAsync(async (context, _) =>
        {
            if (context.Request.Headers.Authorization != good)
            {
                context.Response.StatusCode = 401;
                return;
            }

            await context.Response.WriteAsync("""[{"name":"a","messages":1},{"name":"b","messages":2}]""");
        });
        using var http = new HttpClient();
        var right = Queue(server, "/", "a");
        var wrong = Queue(server, "/", "b", password: "wrong");

        var readings = await new RabbitMqManagementSource(http).ReadAsync([right, wrong], CancellationToken.None);

        Assert.Equal(1, readings[right].Stats!.Jobs);
        Assert.Equal(QueueReadError.HttpError, readings[wrong].Error);
        Assert.Contains("check the user and password", readings[wrong].Detail, StringComparison.Ordinal);
    }
}
