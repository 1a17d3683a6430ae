using System.Globalization;

namespace Guv.Cli.Demo;

/// <summary>
/// Reads a trace of request counts per second (<c>HH:MM:SS,requests</c>) or per minute
/// (<c>YYYY-MM-DDTHH:MM,requests[,status]</c>), as in the NASA-HTTP files, and compresses it into an
/// <see cref="ArrivalProfile"/>. Rows whose status is not <c>ok</c> are missing data, not zero load: the demo skips them.
/// </summary>
internal static class CountTrace
{
    public static ArrivalProfile Load(string path, string? from, string? to, double speed)
    {
        if (!File.Exists(path))
        {
            throw new UserError($"no trace file at '{path}'; give the path of a per-second or per-minute count CSV");
        }

        if (speed <= 0)
        {
            throw new UserError($"--speed must be above 0, got {speed.ToString(CultureInfo.InvariantCulture)}");
        }

        var rows = ReadRows(path);
        if (rows.Count == 0)
        {
            throw new UserError($"the trace '{path}' has no rows of the form 'time,count'");
        }

        var fromTime = ParseBound(from, "--from", rows[0].At.Date);
        var toTime = ParseBound(to, "--to", rows[0].At.Date);

        var binSeconds = rows.Count > 1 ? (rows[1].At - rows[0].At).TotalSeconds : 1;
        if (binSeconds <= 0)
        {
            binSeconds = 1;
        }

        var selected = rows
            .Where(r => (fromTime is null || r.At >= fromTime) && (toTime is null || r.At < toTime))
            .ToList();
        if (selected.Count == 0)
        {
            throw new UserError($"no rows of '{path}' fall between {from ?? "the start"} and {to ?? "the end"}; "
                + "give --from and --to as HH:MM (on the trace's first day) or yyyy-MM-ddTHH:mm within the trace");
        }

        // Spread each bin's count evenly over its seconds, compress time by 'speed', and sum into demo seconds.
        var traceSeconds = selected.Count * binSeconds;
        var demoSeconds = (int)Math.Ceiling(traceSeconds / speed);
        var perSecond = new double[demoSeconds];
        for (var i = 0; i < selected.Count; i++)
        {
            if (selected[i].Missing)
            {
                continue;
            }

            var start = i * binSeconds / speed;
            var length = binSeconds / speed;
            Spread(perSecond, start, length, selected[i].Count);
        }

        var skipped = selected.Count(r => r.Missing);
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(path)} {from ?? "start"}-{to ?? "end"} at {speed:0.##}x ({selected.Count} rows")
            + (skipped > 0 ? $", {skipped} without data skipped)" : ")");
        return new ArrivalProfile(perSecond, description);
    }

    private static void Spread(double[] perSecond, double start, double length, double count)
    {
        var end = start + length;
        for (var second = (int)Math.Floor(start); second < end && second < perSecond.Length; second++)
        {
            var overlap = Math.Min(end, second + 1) - Math.Max(start, second);
            perSecond[second] += count * overlap / length;
        }
    }

    private static List<(DateTime At, double Count, bool Missing)> ReadRows(string path)
    {
        var rows = new List<(DateTime, double, bool)>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split(',');
            if (fields.Length < 2
                || !double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var count)
                || !TryParseTime(fields[0].Trim(), out var at))
            {
                continue; // the header, or a line that is not a count
            }

            var missing = fields.Length > 2 && fields[2].Trim() is { Length: > 0 } status && status != "ok";
            rows.Add((at, count, missing));
        }

        return rows;
    }

    private static bool TryParseTime(string text, out DateTime at) =>
        DateTime.TryParseExact(text, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss", "HH:mm:ss", "yyyy-MM-dd HH:mm:ss"],
            CultureInfo.InvariantCulture, DateTimeStyles.None, out at);

    /// <summary>HH:MM means that time on the trace's first day; a full yyyy-MM-ddTHH:mm names any day.</summary>
    private static DateTime? ParseBound(string? text, string option, DateTime firstDay)
    {
        if (text is null)
        {
            return null;
        }

        if (TimeSpan.TryParseExact(text, ["hh\\:mm", "hh\\:mm\\:ss", "h\\:mm"], CultureInfo.InvariantCulture, out var t))
        {
            return firstDay + t;
        }

        return TryParseTime(text, out var at)
            ? at
            : throw new UserError($"{option} must be HH:MM or yyyy-MM-ddTHH:mm, got '{text}'");
    }
}
