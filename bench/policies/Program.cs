using System.Diagnostics;
using Guv.Bench.Policies;

// Runs every policy over the suite of traces and prints the results as Markdown (docs/benchmarks.md).
// Usage: dotnet run -c Release --project bench/policies -- [--traces DIR] [--only TEXT] [--no-speed]
var traces = Environment.GetEnvironmentVariable("GUV_TRACES")
    ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../shared/traces"));
string? only = null;
var speed = true;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--traces":
            traces = args[++i];
            break;
        case "--only":
            only = args[++i];
            break;
        case "--no-speed":
            speed = false;
            break;
        default:
            Console.Error.WriteLine($"guv-bench-policies: unknown argument '{args[i]}'; "
                + "use --traces DIR, --only TEXT, --no-speed");
            return 2;
    }
}

if (!File.Exists(Path.Combine(traces, "nasa_http_1995_requests_per_minute.csv")))
{
    Console.Error.WriteLine($"guv-bench-policies: no traces in {traces}; set GUV_TRACES or give --traces DIR");
    return 1;
}

var report = new MarkdownReport(Console.Out);
report.Header(args);
if (speed)
{
    report.Speed(SpeedRun.Measure(Path.Combine(traces, "nasa_http_1995_requests_per_minute.csv")));
}

var clock = Stopwatch.StartNew();
var rows = Scenario.Suite(traces)
    .Where(s => only is null || s.Name.Contains(only, StringComparison.OrdinalIgnoreCase))
    .Select(ScenarioRun.Run)
    .ToList();
report.Suite(rows, clock.Elapsed);
report.Goals(rows);
return 0;
