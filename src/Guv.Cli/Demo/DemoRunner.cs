using System.Globalization;
using System.Text.Json;
using Guv.Configuration;
using Guv.Governor;
using Guv.Platforms;
using Guv.Platforms.Local;
using Guv.Queues;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace Guv.Cli.Demo;

/// <summary>Options of <c>guv demo</c>.</summary>
internal sealed record DemoOptions(
    string? Trace,
    string? From,
    string? To,
    double? Speed,
    double? Scale,
    int MaxWorkers,
    int Seed,
    bool Json);

/// <summary>
/// Runs the whole system on one machine: RabbitMQ, the governor with a local role of example workers, and a feed of
/// jobs shaped like a launch-day morning; then reports how many jobs met the deadline and what the workers cost.
/// </summary>
internal sealed class DemoRunner(DemoOptions options, CancellationToken stop)
{
    private const string Queue = "guv-demo-thumbnails";
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly bool _live = !options.Json && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
    private int _peakWorkers;
    private int _actions;
    private TickReport? _lastTick;

    public async Task<int> RunAsync()
    {
        var settings = new DemoSettings(options.Speed ?? (options.Trace is null ? 10 : 60), options.MaxWorkers);
        var profile = LoadProfile(settings);
        Say($"profile: {profile.Description}");
        Say(string.Create(CultureInfo.InvariantCulture,
            $"about {profile.TotalJobs:0} jobs over {profile.Seconds} s; peak {profile.PeakRate():0.#} jobs/s"));

        var broker = new DemoBroker();
        await broker.EnsureRunningAsync(Say, stop);
        try
        {
            return await RunWithBrokerAsync(settings, profile);
        }
        finally
        {
            await broker.StopIfStartedAsync();
        }
    }

    private ArrivalProfile LoadProfile(DemoSettings settings)
    {
        if (options.Trace is null)
        {
            var morning = ArrivalProfile.LaunchMorning(settings.PeakRate / 8);
            return options.Scale is { } s ? morning.Scaled(s) : morning;
        }

        var trace = CountTrace.Load(options.Trace, options.From, options.To, settings.Speed);
        var scale = options.Scale ?? settings.PeakRate / Math.Max(trace.PeakRate(), 1e-9);
        Say(string.Create(CultureInfo.InvariantCulture,
            $"arrivals thinned to {scale:0.####} of the trace's (--scale) so the peak needs about {DemoSettings.PeakWorkers} workers"));
        return trace.Scaled(scale);
    }

    private async Task<int> RunWithBrokerAsync(DemoSettings settings, ArrivalProfile profile)
    {
        var worker = Path.Combine(AppContext.BaseDirectory, "guv-example-worker.dll");
        var yaml = settings.ConfigYaml($"dotnet \"{worker}\"", Queue);
        var config = new ConfigLoader(name => name == "GUV_BROKER" ? DemoBroker.Url : null).Load(yaml, "guv demo");
        Say("the demo's config:\n" + yaml);

        var log = new DemoLog(_time, _live ? null : line => Console.Error.WriteLine(line));
        using var logs = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(log));
        using var http = new HttpClient();
        var platform = new LocalPlatform(_time, logs.CreateLogger<LocalPlatform>());
        var feeder = new JobFeeder(DemoBroker.Url, Queue, _time);
        var length = profile.Seconds + DrainSeconds(settings);
        var interrupted = false;
        await using (var platforms = new PlatformSet([platform]))
        {
            var governor = new Governor.Governor(config, new RabbitMqManagementSource(http), platforms, _time,
                logs.CreateLogger<Governor.Governor>());
            governor.Ticked += OnTick;
            await feeder.OpenAsync(stop);
            using var running = CancellationTokenSource.CreateLinkedTokenSource(stop);
            var loop = governor.RunAsync(running.Token);
            var started = _time.GetTimestamp();
            var show = ShowAsync(() => Snapshot(started, length, feeder, log), running.Token);
            try
            {
                await FeedAsync(profile, settings, feeder, started);
                await DrainAsync(feeder, settings);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                interrupted = true;
            }

            await running.CancelAsync();
            await loop;
            await show;
            Say("stopping workers and cleaning up...");
        }

        var summary = DemoSummary.From(feeder.Published, feeder.Latencies, platform.WorkerSeconds(), settings,
            _peakWorkers, _actions, profile.Description);
        await feeder.DeleteQueueAsync();
        await feeder.DisposeAsync();
        Report(summary, interrupted);
        return interrupted ? ExitCodes.Interrupted : ExitCodes.Ok;
    }

    private async Task FeedAsync(ArrivalProfile profile, DemoSettings settings, JobFeeder feeder, long started)
    {
        var random = new Random(options.Seed);
        var sigma2 = Math.Log(1 + Math.Pow(settings.Stddev / settings.Processing, 2));
        var mu = Math.Log(settings.Processing) - sigma2 / 2;
        long id = 0;
        for (var second = 0; second < profile.Seconds; second++)
        {
            var count = Poisson(random, profile.PerSecond[second]);
            var offsets = Enumerable.Range(0, count).Select(_ => second + random.NextDouble()).Order().ToList();
            foreach (var offset in offsets)
            {
                var wait = TimeSpan.FromSeconds(offset) - _time.GetElapsedTime(started);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, stop);
                }

                var seconds = Math.Exp(mu + Math.Sqrt(sigma2) * Gaussian(random));
                await feeder.PublishAsync(++id, seconds, stop);
            }
        }
    }

    private async Task DrainAsync(JobFeeder feeder, DemoSettings settings)
    {
        var deadline = _time.GetTimestamp();
        while (feeder.Done < feeder.Published && _time.GetElapsedTime(deadline).TotalSeconds < DrainSeconds(settings))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, stop);
        }
    }

    private static double DrainSeconds(DemoSettings settings) => settings.Deadline * 3 + settings.Boot + 10;

    private void OnTick(TickReport tick)
    {
        _lastTick = tick;
        foreach (var role in tick.Roles)
        {
            _peakWorkers = Math.Max(_peakWorkers, role.Applied ?? 0);
            if (role.Decision?.Next is { } next && next != role.Workers && role.Error is null)
            {
                _actions++;
            }
        }
    }

    private DemoSnapshot Snapshot(long started, double length, JobFeeder feeder, DemoLog log)
    {
        var role = _lastTick is { Roles.Count: > 0 } last ? last.Roles[0] : null;
        var decision = role?.Decision is { } d
            ? $"{d.Reason}: {d.Explanation}"
            : role?.Error ?? "waiting for the first tick";
        return new DemoSnapshot(_time.GetElapsedTime(started).TotalSeconds, length, role?.Stats?.Jobs ?? 0,
            role?.Applied ?? 0, feeder.Published, feeder.Done, decision, log.Latest(8));
    }

    private async Task ShowAsync(Func<DemoSnapshot> snapshot, CancellationToken cancellationToken)
    {
        try
        {
            if (_live)
            {
                await AnsiConsole.Live(DemoDisplay.Render(snapshot())).StartAsync(async context =>
                {
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        context.UpdateTarget(DemoDisplay.Render(snapshot()));
                        await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken);
                    }
                });
            }
            else
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    await Task.Delay(TimeSpan.FromSeconds(10), _time, cancellationToken);
                    await Console.Error.WriteLineAsync(DemoDisplay.Line(snapshot()));
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The demo is over.
        }
    }

    private void Report(DemoSummary summary, bool interrupted)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(interrupted ? "[bold]guv demo, interrupted[/]" : "[bold]guv demo summary[/]");
        table.AddColumn("");
        table.AddColumn("");
        table.HideHeaders();
        foreach (var (name, value) in summary.Rows())
        {
            table.AddRow(Markup.Escape(name), Markup.Escape(value));
        }

        if (options.Json)
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Write(table);
            Console.WriteLine(JsonSerializer.Serialize(summary));
        }
        else
        {
            AnsiConsole.Write(table);
        }
    }

    private void Say(string message)
    {
        if (options.Json)
        {
            Console.Error.WriteLine(message);
        }
        else
        {
            Console.WriteLine(message);
        }
    }

    private static int Poisson(Random random, double mean)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + Math.Sqrt(mean) * Gaussian(random)));
        }

        // Knuth's method: multiply uniforms until the product drops below e^-mean.
        var limit = Math.Exp(-mean);
        var k = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            k++;
            product *= random.NextDouble();
        }

        return k;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
