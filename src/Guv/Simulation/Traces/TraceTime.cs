using System.Globalization;
using System.Text.RegularExpressions;

namespace Guv.Simulation.Traces;

/// <summary>Reads the time forms traces and <c>--from</c>/<c>--to</c> use.</summary>
internal static partial class TraceTime
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd",
    ];

    /// <summary>
    /// A time from a trace row or a bound: a date and time, a date, a time of day on <paramref name="day"/>, or a
    /// number of seconds after <paramref name="day"/>. Null when the text is none of these.
    /// </summary>
    public static DateTime? Parse(string text, DateTime day)
    {
        text = text.Trim();
        if (TimeOfDay().IsMatch(text)
            && TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var timeOfDay))
        {
            return day.Date + timeOfDay;
        }

        if (DateTime.TryParseExact(text, Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at))
        {
            return at;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            ? day.AddSeconds(seconds)
            : null;
    }

    /// <summary>The date in a file name such as <c>nasa_http_1995-07-13_requests_per_second.csv</c>, if any.</summary>
    public static DateTime? DateInName(string path)
    {
        var match = DateInText().Match(Path.GetFileName(path));
        return match.Success
            && DateTime.TryParseExact(match.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None,
                out var date)
            ? date
            : null;
    }

    [GeneratedRegex(@"^\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?$")]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}")]
    private static partial Regex DateInText();
}
