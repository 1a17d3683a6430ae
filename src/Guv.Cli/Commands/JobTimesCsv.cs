using System.Globalization;

namespace Guv.Cli.Commands;

/// <summary>
/// Reads one row per finished job, <c>role,seconds</c>, as a job log or a metrics export gives them. A first row
/// whose seconds are not a number is a header; blank lines and lines starting with '#' are skipped.
/// </summary>
internal static class JobTimesCsv
{
    private const int MaximumErrorsShown = 5;

    /// <exception cref="UserError">A row is not <c>role,seconds</c> with seconds of zero or more; names each.</exception>
    public static Dictionary<string, List<double>> Read(TextReader reader, string source)
    {
        var times = new Dictionary<string, List<double>>(StringComparer.Ordinal);
        var errors = new List<string>();
        var number = 0;
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();
            var parsed = fields.Length >= 2
                && double.TryParse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
                && double.IsFinite(seconds) && seconds >= 0
                && !line.Contains(';', StringComparison.Ordinal);
            var first = header;
            header = false;
            if (!parsed)
            {
                if (!first || fields.Length < 2)
                {
                    var hint = line.Contains(';', StringComparison.Ordinal)
                        ? " (separate the role and the seconds with a comma, and write decimals with a dot)"
                        : "";
                    errors.Add($"{source}:{number}: expected 'role,seconds' with seconds a number of zero or more, "
                        + $"got '{line}'{hint}");
                }

                continue;
            }

            var role = fields[0];
            if (!times.TryGetValue(role, out var list))
            {
                list = [];
                times[role] = list;
            }

            list.Add(double.Parse(fields[1], NumberStyles.Float, CultureInfo.InvariantCulture));
        }

        if (errors.Count > 0)
        {
            var more = errors.Count > MaximumErrorsShown
                ? $"{Environment.NewLine}guv: ... and {errors.Count - MaximumErrorsShown} more"
                : "";
            throw new UserError(string.Join(Environment.NewLine + "guv: ", errors.Take(MaximumErrorsShown)) + more);
        }

        return times.Count > 0 ? times : throw new UserError($"{source} has no rows; write one 'role,seconds' row per job");
    }
}
