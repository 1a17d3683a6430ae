namespace Guv.History;

/// <summary>
/// Dollars per worker-hour by Heroku dyno size, for <c>guv cost</c>. These are Heroku's list prices as last known
/// to us (2024: a dyno bills per second up to its monthly price, which is about 720 hours' worth); they were not
/// checked against heroku.com/pricing when written, so check them and give yours with <c>--price SIZE=DOLLARS</c>.
/// </summary>
public static class DynoPrices
{
    /// <summary>The built-in prices, by lower-case size name.</summary>
    public static readonly IReadOnlyDictionary<string, decimal> Defaults = new Dictionary<string, decimal>(StringComparer.Ordinal)
    {
        ["eco"] = 0m, // a shared monthly pool of hours, not billed per dyno
        ["basic"] = 0.010m,
        ["standard-1x"] = 0.035m,
        ["standard-2x"] = 0.069m,
        ["performance-m"] = 0.347m,
        ["performance-l"] = 0.694m,
    };

    /// <summary>The price of a size per worker-hour, or null when unknown.</summary>
    public static decimal? For(string size, IReadOnlyDictionary<string, decimal>? overrides = null)
    {
        var key = size.ToLowerInvariant();
        return overrides?.TryGetValue(key, out var given) == true ? given
            : Defaults.TryGetValue(key, out var known) ? known
            : null;
    }
}
