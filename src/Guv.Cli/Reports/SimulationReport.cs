using System.Globalization;
using System.Text;
using System.Text.Json;
using Guv.Configuration;
using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Cli.Reports;

/// <summary>The figures of <c>guv simulate</c> as a table for people or one JSON object for scripts.</summary>
internal static class SimulationReport
{
    public static string Table(
        RoleOptions role,
        Trace trace,
        double tick,
        ulong seed,
        IReadOnlyList<SimulationResult> results)
    {
        var text = new StringBuilder();
        text.AppendLine(Invariant($"role {role.Name}: processing {role.Processing:0.##} s (stddev {role.Stddev:0.##}), ")
            + Invariant($"deadline {role.Deadline:0.##} s at {role.Percentile:0.##}%,"));
        text.AppendLine(Invariant($"  boot {role.Boot:0.##} s, concurrency {role.Concurrency}, ")
            + Invariant($"workers {role.Minimum}-{role.Maximum}, poll {tick:0.##} s"));
        text.AppendLine(Invariant($"trace {trace.Name}; seed {seed}"));
        text.AppendLine();
        string[] header = ["policy", "jobs", $"within {results[0].Sla:0.##} s", "p50 s", "p95 s", "p99 s",
            "worker-h", "util", "cost $", "actions", "peak"];
        var rows = results.Select(r => new[]
        {
            r.Policy, Invariant($"{r.Jobs}"), Invariant($"{r.WithinDeadline * 100:0.00}%"), Seconds(r.P50),
            Seconds(r.P95), Seconds(r.P99), Invariant($"{r.WorkerSeconds / 3600:0.00}"),
            Invariant($"{r.Utilization * 100:0.0}%"), r.Cost is { } cost ? Invariant($"{cost:0.00}") : "-",
            Invariant($"{r.Actions}"), Invariant($"{r.PeakWorkers}"),
        }).ToList();
        var widths = header.Select((h, i) => rows.Select(r => r[i].Length).Append(h.Length).Max()).ToArray();
        text.AppendLine(Line(header, widths));
        foreach (var row in rows)
        {
            text.AppendLine(Line(row, widths));
        }

        if (results.Any(r => r.Finished < r.Jobs))
        {
            text.AppendLine();
            text.AppendLine("Some jobs were still queued when the simulation stopped draining: the maximum is too low "
                + "for this trace. Raise 'maximum' or shorten the trace.");
        }

        return text.ToString();
    }

    public static string Json(
        RoleOptions role,
        Trace trace,
        double tick,
        ulong seed,
        IReadOnlyList<SimulationResult> results)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("role", role.Name);
            json.WriteString("trace", trace.Name);
            json.WriteNumber("seed", seed);
            json.WriteNumber("tick_seconds", tick);
            json.WriteNumber("sla_seconds", results[0].Sla);
            json.WriteStartObject("policies");
            foreach (var r in results)
            {
                json.WriteStartObject(r.Policy);
                json.WriteNumber("jobs", r.Jobs);
                json.WriteNumber("finished", r.Finished);
                json.WriteNumber("within_deadline", Math.Round(r.WithinDeadline, 6));
                Number(json, "p50_seconds", r.P50);
                Number(json, "p95_seconds", r.P95);
                Number(json, "p99_seconds", r.P99);
                Number(json, "mean_seconds", r.MeanLatency);
                Number(json, "max_seconds", r.MaxLatency);
                Number(json, "worker_seconds", r.WorkerSeconds);
                Number(json, "busy_seconds", r.BusySeconds);
                Number(json, "boot_seconds", r.BootSeconds);
                json.WriteNumber("utilization", Math.Round(r.Utilization, 6));
                Number(json, "cost_dollars", r.Cost);
                json.WriteNumber("actions", r.Actions);
                json.WriteNumber("peak_workers", r.PeakWorkers);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    // JSON has no infinity: a latency that never ended (a job never done) is null.
    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string Seconds(double value) => double.IsFinite(value) ? Invariant($"{value:0.0}") : "never";

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((c, i) => i == 0 ? c.PadRight(widths[i]) : c.PadLeft(widths[i]))).TrimEnd();

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
