using System.Diagnostics;
using System.Globalization;
using System.Text;
using Guv.Configuration;
using Guv.IntegrationTests.Support;
using Guv.Platforms;
using Guv.Platforms.Local;
using Guv.Queues;
using Microsoft.Extensions.Logging.Abstractions;
using RabbitMQ.Client;

namespace Guv.IntegrationTests.Faults;

/// <summary>The broker stops mid-run and comes back: guv keeps its workers, reports every tick, and recovers.</summary>
public sealed class BrokerRestartTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("guv-restart-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task BrokerStopsAndRestarts_WorkersKept_EveryTickReported_Recovers()
    {
        await using var broker = new PrivateBroker(5691, 15691);
        await broker.StartAsync();
        var worker = Path.Combine(_dir, "worker.sh");
        await File.WriteAllTextAsync(worker, "#!/bin/sh\nwhile true; do sleep 0.2; done\n");
        File.SetUnixFileMode(worker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            '*': {"{"}pollinterval: 1, history: 600{"}"}
            jobs: {"{"}broker: '{broker.Url}', management: '{broker.Management}', platform: local, command: '{worker}',
                   minimum: 0, maximum: 6, stop_timeout: 2{"}"}
            """);
        var config = new ConfigLoader(_ => null).Load(yaml, "test");
        using var http = new HttpClient();
        var platform = new LocalPlatform(TimeProvider.System, NullLogger<LocalPlatform>.Instance);
        await using var platforms = new PlatformSet([platform]);
        var governor = new Guv.Governor.Governor(config, new RabbitMqManagementSource(http), platforms,
            TimeProvider.System, NullLogger<Guv.Governor.Governor>.Instance);

        // Running: 20 jobs nobody consumes scale the role up to its maximum.
        await PublishAsync(broker.Url, "jobs", 20);
        await TickUntil(governor, t => t.Roles[0].Applied == 6, "scale-up to 6 workers");
        var pids = platform.WorkerPids();
        Assert.Equal(6, pids.Count);

        // Broker down: every tick reports the role and keeps the workers.
        await broker.StopAsync();
        for (var i = 0; i < 4; i++)
        {
            var tick = await governor.TickAsync(CancellationToken.None);
            Assert.NotNull(tick.Roles[0].Error);
            Assert.Equal(6, tick.Roles[0].Applied);
            await Task.Delay(TimeSpan.FromSeconds(0.5));
        }

        Assert.Equal(pids.Order(), platform.WorkerPids().Order());

        // Broker back (empty: a throwaway broker forgets its queues): guv reads it again by itself.
        await broker.StartAsync();
        await PublishAsync(broker.Url, "jobs", 3);
        var recovered = await TickUntil(governor, t => t.Roles[0].Stats?.Jobs == 3, "reading the queue again");
        Assert.Null(recovered.Roles[0].Error);
        Assert.Equal(6, recovered.Roles[0].Applied); // the 600 s history window still holds the earlier estimate
    }

    private static async Task PublishAsync(string url, string queue, int count)
    {
        var factory = new ConnectionFactory { Uri = new Uri(url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < count; i++)
        {
            await channel.BasicPublishAsync("", queue, Encoding.UTF8.GetBytes("1"));
        }
    }

    private static async Task<Guv.Governor.TickReport> TickUntil(
        Guv.Governor.Governor governor,
        Func<Guv.Governor.TickReport, bool> condition,
        string what)
    {
        var clock = Stopwatch.StartNew();
        var errors = new List<string?>();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            var tick = await governor.TickAsync(CancellationToken.None);
            if (condition(tick))
            {
                return tick;
            }

            errors.Add(tick.Roles[0].Error);
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        throw new TimeoutException($"no {what} within 30 s; errors: {string.Join(" | ", errors.TakeLast(3))}");
    }
}
