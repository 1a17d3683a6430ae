using Guv.Cli;
using Guv.Tests.Support.Heroku;
using RabbitMQ.Client;

namespace Guv.IntegrationTests.Cli;

/// <summary><c>guv run</c> end to end: a real RabbitMQ queue in, the Heroku double's formation out.</summary>
public sealed class RunOnHerokuTests : IAsyncLifetime
{
    private readonly string _queue = $"guv-heroku-{Guid.NewGuid():N}";
    private readonly string _directory = Directory.CreateTempSubdirectory("guv-run-heroku-").FullName;
    private HerokuDouble _heroku = null!;

    public async Task InitializeAsync()
    {
        _heroku = await HerokuDouble.StartAsync();
        _heroku.AddApp("alpha", ("resizer", 1, "standard-1x"), ("web", 2, "standard-1x"));
    }

    public async Task DisposeAsync()
    {
        await _heroku.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task RunOnce_FortyJobsWaiting_ScalesTheProcessTypeWithOnePatch()
    {
        var config = await PrepareAsync(jobs: 40);

        var exit = await GuvCli.RunAsync(["run", "--once", "--config", config]);

        Assert.Equal(0, exit);
        var patch = Assert.Single(_heroku.Patches("alpha"));
        Assert.Equal("""{"updates":[{"type":"resizer","quantity":11}]}""", patch.Body);
        Assert.Equal(11, _heroku.Quantity("alpha", "resizer"));
        Assert.Equal(2, _heroku.Quantity("alpha", "web"));
    }

    [Fact]
    public async Task RunOnceDryRun_FortyJobsWaiting_ReadsButSendsNoChange()
    {
        var config = await PrepareAsync(jobs: 40);

        var exit = await GuvCli.RunAsync(["run", "--once", "--dry-run", "--config", config]);

        Assert.Equal(0, exit);
        Assert.Single(_heroku.Requests, r => r.Method == "GET");
        Assert.Empty(_heroku.Patches("alpha"));
        Assert.Equal(1, _heroku.Quantity("alpha", "resizer"));
    }

    /// <summary>Publishes jobs, waits until the management API counts them, and writes a config for them.</summary>
    private async Task<string> PrepareAsync(int jobs)
    {
        var broker = Environment.GetEnvironmentVariable("GUV_TEST_BROKER") is { Length: > 0 } b ? b
            : Environment.GetEnvironmentVariable("GUV_BROKER");
        var management = Environment.GetEnvironmentVariable("GUV_RABBITMQ_MGMT_URL");
        if (string.IsNullOrEmpty(broker) || string.IsNullOrEmpty(management))
        {
            Assert.Fail("no RabbitMQ: run the tests with scripts/test, which starts one and sets GUV_BROKER and GUV_RABBITMQ_MGMT_URL");
        }

        var factory = new ConnectionFactory { Uri = new Uri(broker) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync(_queue, durable: false, exclusive: false, autoDelete: true);
            for (var i = 0; i < jobs; i++)
            {
                await channel.BasicPublishAsync("", _queue, "job"u8.ToArray());
            }
        }

        var path = Path.Combine(_directory, "workers.guv.yaml");
        await File.WriteAllTextAsync(path, $"""
            resize:
              app: alpha
              worker: resizer
              queue: {_queue}
              max: 20
              broker: '{broker}'
              management: '{management}'
              apikey: {HerokuDouble.Key}
              heroku_api: '{_heroku.Url}'
            """);
        await WaitForJobsAsync(broker, management, jobs);
        return path;
    }

    private async Task WaitForJobsAsync(string broker, string management, int jobs)
    {
        using var http = new HttpClient();
        var address = Guv.Queues.BrokerAddress.Parse(broker, management);
        var source = new Guv.Queues.RabbitMqManagementSource(http);
        var queue = new Guv.Queues.QueueRef(address, _queue);
        for (var attempt = 0; attempt < 60; attempt++)
        {
            var readings = await source.ReadAsync([queue], CancellationToken.None);
            if (readings[queue].Stats?.Jobs == jobs)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"the management API did not count {jobs} jobs in {_queue} within 15 s");
    }
}
