using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Guv.Configuration;

// Times 'guv validate' on a generated config of many roles: the loader alone (what 'guv run' and a reload pay) and
// the whole command as a user runs it, process start included. Prints Markdown for docs/benchmarks-validate.md.
// Usage: dotnet run -c Release --project bench/validate -- [roles] [runs]
var roles = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
var text = Generate(roles);
var path = Path.Combine(Path.GetTempPath(), $"guv-bench-{Environment.ProcessId}.guv.yaml");
File.WriteAllText(path, text);
try
{
    var loader = new ConfigLoader(_ => null);
    var cold = Stopwatch.StartNew();
    var first = loader.Check(text, path);
    cold.Stop();
    if (first.Problems.Count > 0 || first.Config!.Roles.Count != roles)
    {
        throw new InvalidOperationException($"the generated config is not valid: {first.Problems[0]}");
    }

    var warm = Measure(runs, () => loader.Check(text, path));
    var command = Measure(Math.Min(runs, 10), () => Guv("validate", path));
    var baseline = Measure(Math.Min(runs, 10), () => Guv("--version"));

    var culture = CultureInfo.InvariantCulture;
    Console.WriteLine(string.Create(culture, $"""
        # Benchmark: guv validate on {roles:N0} roles

        Generated config: {roles:N0} roles plus '*', {text.Length / 1024.0:0} KiB, {text.Count(c => c == '\n'):N0} lines,
        block and flow mappings, shorthands, every numeric key. Machine: {Environment.ProcessorCount} cores,
        {RuntimeInformation.OSDescription}, .NET {Environment.Version}. Produced by
        `dotnet run -c Release --project bench/validate -- {roles} {runs}`.

        | what | runs | median | min | max |
        |---|---:|---:|---:|---:|
        | loader, first call in a process (parser, JIT) | 1 | {cold.Elapsed.TotalMilliseconds:0.0} ms | | |
        | loader, warm (what a reload costs) | {runs} | {warm.Median:0.0} ms | {warm.Min:0.0} ms | {warm.Max:0.0} ms |
        | `guv validate FILE`, whole process | {command.Count} | {command.Median:0} ms | {command.Min:0} ms | {command.Max:0} ms |
        | `guv --version`, process start alone | {baseline.Count} | {baseline.Median:0} ms | {baseline.Min:0} ms | {baseline.Max:0} ms |

        Load average while it ran: {LoadAverage()} (the machine's 2 cores are shared, so maxima are noisy).
        """));
}
finally
{
    File.Delete(path);
}

static (int Count, double Median, double Min, double Max) Measure(int runs, Action action)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        action();
        times.Add(watch.Elapsed.TotalMilliseconds);
    }

    times.Sort();
    return (runs, times[runs / 2], times[0], times[^1]);
}

static string LoadAverage() =>
    File.Exists("/proc/loadavg") ? string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

static void Guv(params string[] args)
{
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
    start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "guv.dll"));
    foreach (var arg in args)
    {
        start.ArgumentList.Add(arg);
    }

    using var process = Process.Start(start)!;
    process.StandardOutput.ReadToEnd();
    process.WaitForExit();
    if (process.ExitCode != 0)
    {
        throw new InvalidOperationException($"guv {args[0]} exited {process.ExitCode}: {process.StandardError.ReadToEnd()}");
    }
}

static string Generate(int roles)
{
    var text = new StringBuilder("# generated for the validate benchmark\n'*': {app: bench, min: 0, max: 20, deadline: 120}\n");
    for (var i = 0; i < roles; i++)
    {
        var processing = 1 + i % 17;
        if (i % 2 == 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"role{i}: {{p: {processing}, stddev: {processing / 3.0:0.###}, d: {60 + i % 300}, q: queue.{i}, w: worker{i}}}\n");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"role{i}:\n  processing: {processing}\n  deadline: {90 + i % 200}\n");
            text.Append(CultureInfo.InvariantCulture, $"  percentile: 95\n  concurrency: {1 + i % 4}\n  maximum: {5 + i % 30}\n");
            text.Append(CultureInfo.InvariantCulture, $"  app: app{i % 7}\n  dynosize: standard-2x # comment {i}\n");
        }
    }

    return text.ToString();
}
