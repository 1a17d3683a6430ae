using System.Globalization;
using System.Text.Json;
using Guv.Cli.Output;
using Guv.Configuration;
using Guv.Model;

namespace Guv.Cli.Commands;

/// <summary>The two inputs of <c>guv update-jobstats</c>: exporters' JSON, and raw job times as CSV.</summary>
internal static partial class UpdateJobstatsCommand
{
    private const string Shape = "{\"role\": {\"average\": 12.5, \"stddev\": 3.1}} with seconds as numbers";

    /// <exception cref="UserError">The text is not JSON of the expected shape; says what is wrong where.</exception>
    public static Dictionary<string, RoleStats> StatsFromJson(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            var place = e.LineNumber is { } line ? $" at line {line + 1}, byte {e.BytePositionInLine + 1}" : "";
            throw new UserError($"{source} is not JSON{place}; expected {Shape}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new UserError($"{source} must be one JSON object: {Shape}");
            }

            var stats = new Dictionary<string, RoleStats>(StringComparer.Ordinal);
            foreach (var role in document.RootElement.EnumerateObject())
            {
                if (role.Value.ValueKind != JsonValueKind.Object)
                {
                    throw new UserError($"{source}: role '{role.Name}' must map to an object: {Shape}");
                }

                stats[role.Name] = new(Seconds(role, "average", source, allowZero: false),
                    Seconds(role, "stddev", source, allowZero: true));
            }

            return stats;
        }
    }

    private static double? Seconds(JsonProperty role, string name, string source, bool allowZero)
    {
        if (!role.Value.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds)
            && double.IsFinite(seconds) && (seconds > 0 || (allowZero && seconds == 0)))
        {
            return seconds;
        }

        var rule = allowZero ? "zero or more" : "above zero";
        throw new UserError($"{source}: role '{role.Name}': '{name}' must be a number of seconds {rule}, "
            + $"got {value.GetRawText()}");
    }

    /// <summary>Reads job times, prints what they say per role with any warnings, and returns mean and stddev.</summary>
    private static Dictionary<string, RoleStats> StatsFromCsv(string path, Terminal terminal)
    {
        Dictionary<string, List<double>> times;
        try
        {
            using var reader = new StreamReader(path);
            times = JobTimesCsv.Read(reader, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read {path}: {(e is FileNotFoundException ? "no such file" : e.Message)}");
        }

        var summaries = times.ToDictionary(t => t.Key, t => ProcessingTimeStats.From(t.Value), StringComparer.Ordinal);
        WriteSummaries(summaries, terminal);
        return summaries.ToDictionary(s => s.Key, s => new RoleStats(s.Value.Mean, s.Value.Stddev),
            StringComparer.Ordinal);
    }

    /// <summary>The measured numbers per role, then what makes any of them a poor fit for guv's model.</summary>
    public static void WriteSummaries(IReadOnlyDictionary<string, ProcessingTimeStats> summaries, Terminal terminal)
    {
        var table = new TextTable("role", "jobs", "mean s", "stddev s", "p50 s", "p90 s", "p99 s");
        foreach (var (role, s) in summaries.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            table.Add(role, s.Count.ToString(CultureInfo.InvariantCulture), JobStatsRewriter.Format(s.Mean),
                JobStatsRewriter.Format(s.Stddev), JobStatsRewriter.Format(s.P50), JobStatsRewriter.Format(s.P90),
                JobStatsRewriter.Format(s.P99));
        }

        table.WriteTo(terminal.Error);
        foreach (var (role, s) in summaries.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            foreach (var warning in s.Warnings())
            {
                terminal.Error.WriteLine($"{terminal.Yellow("warning")}: role '{role}': {warning}.");
            }
        }
    }
}
