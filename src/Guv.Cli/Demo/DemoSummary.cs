using System.Globalization;
using System.Text.Json.Serialization;

namespace Guv.Cli.Demo;

/// <summary>What the demo achieved, in demo seconds; printed as a table, or as one JSON line with --json.</summary>
internal sealed record DemoSummary(
    [property: JsonPropertyName("jobs")] int Jobs,
    [property: JsonPropertyName("done")] int Done,
    [property: JsonPropertyName("within_deadline")] double WithinDeadline,
    [property: JsonPropertyName("p50_seconds")] double P50Seconds,
    [property: JsonPropertyName("p99_seconds")] double P99Seconds,
    [property: JsonPropertyName("worker_seconds")] double WorkerSeconds,
    [property: JsonPropertyName("deadline_seconds")] double DeadlineSeconds,
    [property: JsonPropertyName("peak_workers")] int PeakWorkers,
    [property: JsonPropertyName("scale_actions")] int ScaleActions,
    [property: JsonPropertyName("speed")] double Speed,
    [property: JsonPropertyName("profile")] string Profile)
{
    public static DemoSummary From(
        int jobs,
        IReadOnlyCollection<double> latencies,
        double workerSeconds,
        DemoSettings settings,
        int peakWorkers,
        int actions,
        string profile)
    {
        var sorted = latencies.Order().ToArray();
        var within = jobs == 0 ? 1 : sorted.Count(l => l <= settings.Deadline) / (double)jobs;
        return new DemoSummary(jobs, sorted.Length, Math.Round(within, 4), Round(Percentile(sorted, 0.50)),
            Round(Percentile(sorted, 0.99)), Round(workerSeconds), Round(settings.Deadline), peakWorkers, actions,
            settings.Speed, profile);
    }

    public IEnumerable<(string Name, string Value)> Rows()
    {
        var speed = Speed;
        yield return ("jobs published", Jobs.ToString(CultureInfo.InvariantCulture));
        yield return ("jobs done", Done.ToString(CultureInfo.InvariantCulture));
        yield return ("within the deadline", string.Create(CultureInfo.InvariantCulture,
            $"{WithinDeadline:P1} (deadline {DeadlineSeconds:0.##} s, {DeadlineSeconds * speed:0} s at real speed)"));
        yield return ("latency p50 / p99", string.Create(CultureInfo.InvariantCulture,
            $"{P50Seconds:0.##} s / {P99Seconds:0.##} s ({P50Seconds * speed:0} s / {P99Seconds * speed:0} s at real speed)"));
        yield return ("worker-seconds", string.Create(CultureInfo.InvariantCulture,
            $"{WorkerSeconds:0} ({WorkerSeconds * speed / 3600:0.#} worker-hours at real speed)"));
        yield return ("peak workers / scale actions", $"{PeakWorkers} / {ScaleActions}");
    }

    /// <summary>Nearest-rank percentile; jobs never finished are not in the latencies, so they count as misses above.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double Round(double value) => Math.Round(value, 3);
}
