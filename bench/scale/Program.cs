// guv's scale benchmark: one guv governing 5,000 roles over 200 Heroku apps and 20 vhosts. It measures the time of a
// whole tick (management listing, formation reads, decisions and scale requests, all answered in memory so only
// guv's own work is timed), the time of the decisions alone, and the memory guv holds once steady.
// Run: dotnet run -c Release --project bench/scale [-- --ticks 200 --policy classic]
using System.Diagnostics;
using System.Globalization;
using Guv.Governor;
using Guv.Model;
using Guv.Model.Policies;
using Guv.Platforms;
using Guv.Platforms.Heroku;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

const int roles = 5000, apps = 200, vhosts = 20;
var ticks = Argument("--ticks", 200);
var policies = (ArgumentText("--policy") ?? "classic,hpa,next").Split(',');
var invariant = CultureInfo.InvariantCulture;

Console.WriteLine($"# guv scale benchmark: {roles} roles, {apps} apps, {vhosts} vhosts, {ticks} ticks per policy");
Console.WriteLine();
Console.WriteLine(string.Create(invariant,
    $"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}; {DateTime.UtcNow:yyyy-MM-dd}"));
Console.WriteLine();
Console.WriteLine("| policy | tick p50 (ms) | tick p95 (ms) | decisions p50 (ms) | decisions p95 (ms) "
    + "| heap halfway (MB) | heap at end (MB) | working set (MB) |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");
foreach (var policy in policies)
{
    var row = await MeasureAsync(policy, ticks);
    Console.WriteLine(string.Create(invariant,
        $"| {policy} | {row.TickP50:0.0} | {row.TickP95:0.0} | {row.DecideP50:0.00} | {row.DecideP95:0.00} "
        + $"| {row.HalfwayHeapMb:0} | {row.HeapMb:0} | {row.WorkingSetMb:0} |"));
}

return 0;

static async Task<(double TickP50, double TickP95, double DecideP50, double DecideP95, double HalfwayHeapMb, double HeapMb,
    double WorkingSetMb)>
    MeasureAsync(string policy, int ticks)
{
    var yaml = Fleet.Yaml(roles, apps, vhosts).Replace("maximum: 50}", $"maximum: 50, policy: {policy}}}", StringComparison.Ordinal);
    var config = new Guv.Configuration.ConfigLoader(_ => null).Load(yaml, "fleet");
    using var handler = new FleetHandler();
    using var http = new HttpClient(handler);
    await using var platforms = new PlatformSet([
        new HerokuPlatform(http, TimeProvider.System, NullLogger<HerokuPlatform>.Instance)]);
    var governor = new Governor(config, new RabbitMqManagementSource(http), platforms, TimeProvider.System,
        NullLogger<Governor>.Instance);
    var random = new Random(42);
    var halfwayHeap = 0.0;

    // Whole ticks, with the queues changing every tick so that roles keep scaling up and down.
    var tickMs = new List<double>();
    for (var i = 0; i < ticks; i++)
    {
        var phase = i;
        Fleet.Fill(handler, roles, apps, vhosts, r => (r + phase) % 9 == 0 ? random.Next(0, 200) : random.Next(0, 3));
        var clock = Stopwatch.StartNew();
        await governor.TickAsync(CancellationToken.None);
        if (i >= 10)
        {
            tickMs.Add(clock.Elapsed.TotalMilliseconds);
        }

        if (i == ticks / 2)
        {
            halfwayHeap = SettledHeapMb();
        }
    }

    // Steady memory: what the governor holds after all the ticks, with garbage collected, and the whole process.
    var heap = SettledHeapMb();
    var workingSet = Process.GetCurrentProcess().WorkingSet64 / 1e6;

    // The decisions alone: every role's policy over a prepared observation, as the governor calls it.
    var histories = config.Roles.ToDictionary(r => r.Name, r => new RoleHistory(RoleHistory.CapacityFor(r, 30)));
    var decideMs = new List<double>();
    var at = DateTimeOffset.UtcNow;
    for (var i = 0; i < ticks; i++)
    {
        at = at.AddSeconds(30);
        var clock = Stopwatch.StartNew();
        foreach (var role in config.Roles)
        {
            var observation = new RoleObservation(at, random.Next(0, 200), 1, 0.5, 0.5, random.Next(0, 20));
            PolicyDriver.Decide(role, observation, histories[role.Name], 30);
        }

        if (i >= 10)
        {
            decideMs.Add(clock.Elapsed.TotalMilliseconds);
        }
    }

    GC.KeepAlive(governor);
    return (Percentile(tickMs, 0.5), Percentile(tickMs, 0.95), Percentile(decideMs, 0.5), Percentile(decideMs, 0.95),
        halfwayHeap, heap, workingSet);
}

static double SettledHeapMb()
{
    System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
    GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    return GC.GetTotalMemory(forceFullCollection: true) / 1e6;
}

static double Percentile(List<double> values, double p)
{
    var sorted = values.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}

int Argument(string name, int fallback) =>
    ArgumentText(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? ArgumentText(string name)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
}
