using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Guv.Simulation;

namespace Guv.Bench.Policies;

/// <summary>Writes the benchmark as Markdown: how it was made, the replay speed, the suite, and the goals.</summary>
internal sealed class MarkdownReport(TextWriter output)
{
    public void Header(string[] args)
    {
        Line("# Policy benchmark");
        Line();
        Line("Made by `bench/policies` (see its README). Command:");
        Line();
        Line("```");
        var traces = Environment.GetEnvironmentVariable("GUV_TRACES") is { Length: > 0 } folder
            ? $"GUV_TRACES={folder} "
            : "";
        Line($"{traces}dotnet run -c Release --project bench/policies -- {string.Join(' ', args)}".TrimEnd(' ', '-'));
        Line("```");
        Line();
        Line($"Machine: {Environment.ProcessorCount} cores (`nproc`), {CpuModel()}, {RuntimeInformation.OSDescription}; "
            + $"`dotnet --version` {SdkVersion()}, runtime {RuntimeInformation.FrameworkDescription}; "
            + $"run {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. The simulation is single-threaded.");
        Line();
        Line("Every scenario: processing lognormal with mean 10 s and stddev 5 s (the Azure trace: from its tokens, "
            + "`1 + 0.0005*ContextTokens + 0.04*GeneratedTokens`, mean 10.0 s, stddev 6.5 s, which the role states), "
            + "percentile 99, boot 50 s, "
            + "concurrency 1, minimum 1, maximum 500, seed 1. *within* is the share of jobs done within the "
            + "scenario's deadline from arrival; *worker-h* is billed time, boots included; *util* is busy over "
            + "billed; *next ÷* is next's worker-hours over that row's. Tuned baselines are the cheapest setting "
            + "found (9 bisection steps) that meets 99%: classic by shortening its configured deadline, hpa by "
            + "lowering its jobs per worker (`value`).");
        Line();
    }

    public void Speed(IReadOnlyList<(string Policy, long Jobs, TimeSpan Elapsed, long PeakBytes)> runs)
    {
        Line("## Replay speed: the whole NASA per-minute trace (1995-07-01 to 08-31)");
        Line();
        Line("| policy | jobs | seconds (load + replay, one core) | peak working set of the process |");
        Line("|---|---:|---:|---:|");
        foreach (var (policy, jobs, elapsed, peak) in runs)
        {
            Line($"| {policy} | {jobs:N0} | {elapsed.TotalSeconds:0.0} | {peak / 1048576.0:0} MB |");
        }

        Line();
    }

    public void Suite(IReadOnlyList<ScenarioRun> runs, TimeSpan elapsed)
    {
        Line($"## Suite ({runs.Count} scenarios, {elapsed.TotalSeconds:0} s)");
        Line();
        Line("| scenario | policy | within | p99 s | worker-h | util | actions | next ÷ |");
        Line("|---|---|---:|---:|---:|---:|---:|---:|");
        foreach (var run in runs)
        {
            var name = run.Scenario.Name;
            Row(name, "classic", run.Classic, run.Next);
            Row("", "hpa", run.Hpa, run.Next);
            Row("", "**next**", run.Next, null);
            Row("", $"classic tuned ({run.ClassicTuned.Setting}){Unmet(run.ClassicTuned)}", run.ClassicTuned.Result,
                run.Next);
            Row("", $"hpa tuned ({run.HpaTuned.Setting}){Unmet(run.HpaTuned)}", run.HpaTuned.Result, run.Next);
        }

        Line();
    }

    public void Goals(IReadOnlyList<ScenarioRun> runs)
    {
        Line("## Goals");
        Line();
        Line("| scenario | next within | met 99% | cheaper tuned baseline | next ÷ it | ≤ 0.70 |");
        Line("|---|---:|:-:|---|---:|:-:|");
        foreach (var run in runs)
        {
            var tuned = run.CheaperTuned;
            var ratio = tuned is null ? double.NaN : run.Next.WorkerSeconds / tuned.Result.WorkerSeconds;
            var against = tuned is null ? "none met 99%"
                : $"{tuned.Result.Policy} ({tuned.Setting}), {tuned.Result.WorkerSeconds / 3600:0.0} worker-h";
            Line($"| {run.Scenario.Name} | {Percent(run.Next.WithinDeadline)} | {Mark(run.NextMet)} | {against} | "
                + $"{(double.IsNaN(ratio) ? "-" : ratio.ToString("0.00", CultureInfo.InvariantCulture))} | "
                + $"{(double.IsNaN(ratio) ? "-" : Mark(run.NextMet && ratio <= 0.70))} |");
        }

        Line();
        var met = runs.Count(r => r.NextMet);
        var cheaper = runs.Count(r =>
            r.NextMet && r.CheaperTuned is { } t && r.Next.WorkerSeconds <= 0.70 * t.Result.WorkerSeconds);
        var comparable = runs.Count(r => r.CheaperTuned is not null);
        Line($"next met 99% in {met} of {runs.Count} scenarios; it used at most 0.70 times the worker-hours of the "
            + $"cheaper tuned baseline, at 99% or better, in {cheaper} of the {comparable} scenarios where a tuned "
            + "baseline met 99%.");
        var nasaDay = runs.Where(r => r.Scenario.Workload.StartsWith("NASA 07-13 per minute", StringComparison.Ordinal));
        foreach (var run in nasaDay)
        {
            Line($"Utilisation of next on the NASA day, {run.Scenario.Name}: {Percent(run.Next.Utilization)}.");
        }

        Line();
    }

    private void Row(string scenario, string policy, SimulationResult r, SimulationResult? next)
    {
        var ratio = next is null
            ? ""
            : (next.WorkerSeconds / r.WorkerSeconds).ToString("0.00", CultureInfo.InvariantCulture);
        var p99 = double.IsFinite(r.P99) ? r.P99.ToString("0.0", CultureInfo.InvariantCulture) : "never";
        Line($"| {scenario} | {policy} | {Percent(r.WithinDeadline)} | {p99} | {r.WorkerSeconds / 3600:0.0} | "
            + $"{Percent(r.Utilization)} | {r.Actions} | {ratio} |");
    }

    private static string Unmet(Tuned tuned) => tuned.Met ? "" : ", never meets 99%";

    private static string Mark(bool ok) => ok ? "yes" : "**no**";

    private static string Percent(double share) => (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo")
                .FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        }
        catch (IOException)
        {
            return "unknown CPU";
        }
    }

    private static string SdkVersion()
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true });
            var version = process!.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit();
            return version;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }

    private void Line(string text = "") => output.WriteLine(text);
}
