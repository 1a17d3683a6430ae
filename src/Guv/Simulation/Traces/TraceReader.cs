using System.Globalization;

namespace Guv.Simulation.Traces;

/// <summary>
/// Loads a trace from a CSV file or a synthetic spec. A CSV with a <c>requests</c> or <c>count</c> column holds
/// counts per bin (the first column is the bin's time; rows whose <c>status</c> is not <c>ok</c> are missing data
/// and are cut out of the replay, not replayed as zero load); any other CSV holds one arrival per row, with a
/// timestamp column and optionally a duration column.
/// </summary>
public static class TraceReader
{
    private static readonly string[] CountColumns = ["requests", "count", "arrivals", "jobs"];
    private static readonly string[] TimeColumns = ["timestamp", "time", "arrival", "at"];
    private static readonly string[] DurationColumns = ["duration", "duration_seconds", "processing", "seconds"];

    /// <summary>Loads a trace.</summary>
    /// <param name="spec">A CSV file path, or a synthetic spec such as <c>poisson:2</c> or <c>spike</c>.</param>
    /// <param name="options">Cut, speed and service model.</param>
    /// <exception cref="TraceException">The file or spec cannot be used; the message says why and how to fix it.</exception>
    public static Trace Load(string spec, TraceOptions options)
    {
        if (options.Speed is <= 0 or double.NaN)
        {
            throw new TraceException($"--speed must be above 0, got {options.Speed}");
        }

        if (SyntheticTraces.IsSynthetic(spec))
        {
            return SyntheticTraces.Create(spec, options);
        }

        if (!File.Exists(spec))
        {
            throw new TraceException($"no trace file '{spec}': give a CSV file, or a synthetic trace "
                + $"({string.Join(", ", SyntheticTraces.Names)}, for example poisson:2)");
        }

        using var reader = new StreamReader(spec);
        var header = (reader.ReadLine() ?? "").Split(',', StringSplitOptions.TrimEntries);
        var day = TraceTime.DateInName(spec) ?? new DateTime(2000, 1, 1);
        var countColumn = CountColumns.Select(c => ServiceModel.FindColumn(header, c)).FirstOrDefault(i => i >= 0, -1);
        return countColumn >= 0
            ? ReadCounts(reader, spec, header, countColumn, day, options)
            : ReadArrivals(reader, spec, header, day, options);
    }

    private static CountTrace ReadCounts(
        StreamReader reader, string file, string[] header, int countColumn, DateTime day, TraceOptions options)
    {
        var statusColumn = ServiceModel.FindColumn(header, "status");
        var rows = new List<(DateTime At, int Count, bool Ok)>();
        foreach (var (row, line) in Rows(reader, file, header.Length))
        {
            var at = TraceTime.Parse(row[0], day)
                ?? throw new TraceException($"{file}:{line}: cannot read the time '{row[0]}' in the first column");
            if (!int.TryParse(row[countColumn], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count)
                || count < 0)
            {
                throw new TraceException(
                    $"{file}:{line}: '{row[countColumn]}' in column '{header[countColumn]}' is not a count");
            }

            rows.Add((at, count, statusColumn < 0 || row[statusColumn] == "ok"));
        }

        if (rows.Count == 0)
        {
            throw new TraceException($"{file}: the trace has no rows");
        }

        var width = BinWidth(rows.Select(r => r.At));
        var (from, to) = Bounds(options, rows[0].At, rows[^1].At.AddSeconds(width));
        var starts = new List<double>();
        var counts = new List<int>();
        var gap = 0.0;
        var first = DateTime.MinValue;
        foreach (var (at, count, ok) in rows.Where(r => r.At >= from && r.At < to))
        {
            if (first == DateTime.MinValue)
            {
                first = at;
            }

            if (!ok)
            {
                gap += width;
                continue;
            }

            starts.Add(((at - first).TotalSeconds - gap) / options.Speed);
            counts.Add(count);
        }

        var length = starts.Count == 0 ? 0 : starts[^1] + width / options.Speed;
        return new CountTrace(starts.ToArray(), width / options.Speed, counts.ToArray())
        {
            Name = $"{Path.GetFileName(file)}: {starts.Count} bins of {width:0.###} s"
                + (gap > 0 ? $", {gap / 60:0} missing minutes cut out" : ""),
            Start = first == DateTime.MinValue ? from : first,
            Length = length,
            Jobs = counts.Sum(c => (long)c),
        };
    }

    private static TimestampTrace ReadArrivals(
        StreamReader reader, string file, string[] header, DateTime day, TraceOptions options)
    {
        var timeColumn = TimeColumns.Select(c => ServiceModel.FindColumn(header, c)).FirstOrDefault(i => i >= 0, 0);
        var durationColumn = DurationColumns.Select(c => ServiceModel.FindColumn(header, c)).FirstOrDefault(i => i >= 0, -1);
        var model = options.Service is { } text ? ServiceModel.Parse(text)
            : durationColumn < 0 && ServiceModel.FindColumn(header, "GeneratedTokens") >= 0
                ? ServiceModel.Parse(ServiceModel.TokenDefault)
                : null;
        var positions = model?.Bind(header, file);

        var times = new List<DateTime>();
        var durations = new List<double>();
        foreach (var (row, line) in Rows(reader, file, header.Length))
        {
            times.Add(TraceTime.Parse(row[timeColumn], day)
                ?? throw new TraceException(
                    $"{file}:{line}: cannot read the time '{row[timeColumn]}' in column '{header[timeColumn]}'"));
            if (model is not null)
            {
                durations.Add(model.Evaluate(row, positions!));
            }
            else if (durationColumn >= 0)
            {
                durations.Add(double.TryParse(row[durationColumn], NumberStyles.Float, CultureInfo.InvariantCulture,
                    out var seconds) && seconds > 0
                    ? seconds
                    : throw new TraceException($"{file}:{line}: '{row[durationColumn]}' is not a duration in seconds"));
            }
        }

        if (times.Count == 0)
        {
            throw new TraceException($"{file}: the trace has no rows");
        }

        var (from, to) = Bounds(options, times[0], times[^1].AddTicks(1));
        var kept = Enumerable.Range(0, times.Count).Where(i => times[i] >= from && times[i] < to).ToList();
        var start = kept.Count > 0 ? times[kept[0]] : from;
        var offsets = kept.Select(i => (times[i] - start).TotalSeconds / options.Speed).ToArray();
        var hasDurations = durations.Count > 0;
        return new TimestampTrace(offsets, hasDurations ? kept.Select(i => durations[i]).ToArray() : null)
        {
            Name = $"{Path.GetFileName(file)}: {offsets.Length} arrivals"
                + (model is not null ? $", processing = {model.Text}" : hasDurations ? ", with durations" : ""),
            Start = start,
            Length = offsets.Length > 0 ? offsets[^1] : 0,
            Jobs = offsets.Length,
            HasDurations = hasDurations,
        };
    }

    private static IEnumerable<(string[] Row, int Line)> Rows(StreamReader reader, string file, int columns)
    {
        var line = 1;
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (text.Length == 0)
            {
                continue;
            }

            var row = text.Split(',', StringSplitOptions.TrimEntries);
            if (row.Length < columns)
            {
                throw new TraceException($"{file}:{line}: {row.Length} columns where the header has {columns}");
            }

            yield return (row, line);
        }
    }

    private static double BinWidth(IEnumerable<DateTime> times)
    {
        var width = double.MaxValue;
        DateTime? previous = null;
        foreach (var at in times.Take(1000))
        {
            if (previous is { } p && (at - p).TotalSeconds > 0)
            {
                width = Math.Min(width, (at - p).TotalSeconds);
            }

            previous = at;
        }

        return width == double.MaxValue ? 1 : width;
    }

    private static (DateTime From, DateTime To) Bounds(TraceOptions options, DateTime first, DateTime end)
    {
        var from = options.From is { } f
            ? TraceTime.Parse(f, first) ?? throw new TraceException(
                $"--from: cannot read '{f}'; give a date and time (1995-07-13T08:00), a date, or a time of day (08:00)")
            : first;
        var to = options.To is { } t
            ? TraceTime.Parse(t, first) ?? throw new TraceException(
                $"--to: cannot read '{t}'; give a date and time (1995-07-13T12:00), a date, or a time of day (12:00)")
            : end;
        if (from >= end || to <= first)
        {
            throw new TraceException(
                $"the trace runs from {first:s} to {end:s}; --from and --to must cut a part of that span");
        }

        return to > from ? (from, to) : throw new TraceException($"--to must be after --from ({from:s} .. {to:s})");
    }
}
