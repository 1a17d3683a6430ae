using System.Diagnostics;
using System.Globalization;
using Guv.Configuration;
using Guv.Governor;
using Guv.IntegrationTests.Support;
using Guv.Platforms;
using Guv.Platforms.Local;
using Guv.Queues;
using Microsoft.Extensions.Logging;

namespace Guv.IntegrationTests.EndToEnd;

/// <summary>guv against the real RabbitMQ with real example workers as local processes.</summary>
public sealed class LocalWorkersOnRabbitMqTests
{
    private static readonly string Worker = Path.Combine(AppContext.BaseDirectory, "guv-example-worker.dll");

    [Fact]
    public async Task Burst_StartsWorkersWithinOnePoll_DrainsAndScalesBackToMinimumAfterHistory()
    {
        var queue = TestBroker.UniqueQueue("guv-e2e");
        var yaml = string.Create(CultureInfo.InvariantCulture, $"""
            '*':
              pollinterval: 1
              history: 4
            burst:
              platform: local
              command: dotnet "{Worker}"
              queue: {queue}
              processing: 0.5
              stddev: 0.1
              deadline: 3
              minimum: 0
              maximum: 4
              stop_timeout: 5
            """);
        var config = new ConfigLoader(name => name == "GUV_BROKER" ? TestBroker.Url : null).Load(yaml, "test");
        using var logs = new ListLogger();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        using var http = new HttpClient();
        var platform = new LocalPlatform(TimeProvider.System, factory.CreateLogger<LocalPlatform>());
        var pids = new HashSet<int>();
        var ticks = new List<TickReport>();

        await TestBroker.PublishAsync(queue, 0, 0); // declare the queue so the first ticks read 0 jobs, not "missing"
        try
        {
            await using (var platforms = new PlatformSet([platform]))
            {
                var governor = new Guv.Governor.Governor(config, new RabbitMqManagementSource(http), platforms,
                    TimeProvider.System, factory.CreateLogger<Guv.Governor.Governor>());

                // Quiet: with no jobs and minimum 0, nothing runs.
                var quiet = await TickUntil(governor, ticks, t => t.Roles[0].Stats is not null, TimeSpan.FromSeconds(15));
                Assert.Equal(0, quiet.Roles[0].Applied);
                Assert.Equal(0, platform.RunningProcesses());

                await TestBroker.PublishAsync(queue, 16, 0.5);

                // Within one poll of the broker reporting the jobs, guv starts workers.
                var seen = await TickUntil(governor, ticks, t => t.Roles[0].Stats?.Jobs > 0, TimeSpan.FromSeconds(15));
                Assert.NotNull(seen.Roles[0].Decision?.Next);
                Assert.True(seen.Roles[0].Applied > 0, $"workers after the first tick that saw jobs: {seen.Roles[0].Applied}");
                Assert.True(platform.RunningProcesses() > 0);
                CollectPids(platform, pids);

                // The queue drains.
                await TickUntil(governor, ticks, t => t.Roles[0].Stats?.Jobs == 0, TimeSpan.FromSeconds(60));
                var drained = ticks.Count;

                // Back to the minimum, but only once the history window (4 s = 4 ticks) has passed.
                var back = await TickUntil(governor, ticks, t => t.Roles[0].Applied == 0, TimeSpan.FromSeconds(30));
                var lastBusy = ticks.FindLastIndex(t => t.Roles[0].Decision?.Estimate > 0);
                var scaledDown = ticks.IndexOf(back);
                Assert.True(scaledDown - lastBusy >= 4,
                    $"scaled to 0 at tick {scaledDown}, only {scaledDown - lastBusy} ticks after the last estimate above 0");
                Assert.True(scaledDown >= drained - 1);
            }

            // Disposing the platform set stops every worker: nothing is left running.
            Assert.Equal(0, platform.RunningProcesses());
            Assert.All(pids, pid => Assert.False(IsRunning(pid), $"worker pid {pid} still runs"));
            Assert.Contains(logs.Lines, l =>
                l.Level == LogLevel.Information && l.Message.StartsWith("scaled burst:", StringComparison.Ordinal));
        }
        finally
        {
            await TestBroker.DeleteQueueAsync(queue);
        }
    }

    private static async Task<TickReport> TickUntil(
        Guv.Governor.Governor governor,
        List<TickReport> ticks,
        Func<TickReport, bool> condition,
        TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var started = clock.Elapsed;
            var tick = await governor.TickAsync(CancellationToken.None);
            ticks.Add(tick);
            if (condition(tick))
            {
                return tick;
            }

            var rest = TimeSpan.FromSeconds(1) - (clock.Elapsed - started);
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        throw new TimeoutException($"condition not met within {limit.TotalSeconds} s; last tick: "
            + string.Join("; ", ticks.TakeLast(3).Select(t => t.Roles[0])));
    }

    private static void CollectPids(LocalPlatform platform, HashSet<int> pids)
    {
        foreach (var pid in platform.WorkerPids())
        {
            pids.Add(pid);
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
