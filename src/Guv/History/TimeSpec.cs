using System.Globalization;

namespace Guv.History;

/// <summary>
/// Reads the times users give to <c>since</c>: an ISO 8601 time (<c>2026-12-04T15:00:00Z</c>), Unix seconds
/// (<c>1796000000</c>), or an age such as <c>90s</c>, <c>15m</c>, <c>3h</c> or <c>14d</c> counted back from now.
/// </summary>
public static class TimeSpec
{
    /// <summary>Parses <paramref name="text"/>; null when it is none of the accepted forms.</summary>
    public static DateTimeOffset? Parse(string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length >= 2 && "smhd".Contains(text[^1], StringComparison.Ordinal)
            && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            && double.IsFinite(amount) && amount >= 0)
        {
            var age = text[^1] switch
            {
                's' => TimeSpan.FromSeconds(amount),
                'm' => TimeSpan.FromMinutes(amount),
                'h' => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(Math.Min(amount, 36500)),
            };
            return now - age;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var unix)
            && unix < 253_402_300_799)
        {
            return DateTimeOffset.FromUnixTimeSeconds(unix);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? at
            : null;
    }

    /// <summary>What a user may write, for error messages.</summary>
    public const string Help = "an ISO 8601 time such as 2026-12-04T15:00:00Z, Unix seconds, or an age such as 90s, 15m, 3h or 14d";
}
