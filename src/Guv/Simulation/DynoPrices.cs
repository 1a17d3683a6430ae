namespace Guv.Simulation;

/// <summary>
/// Heroku's prices per dyno-hour by size, for the cost a simulation reports. Heroku bills per second up to a
/// monthly cap; these are the hourly rates of its pricing page (heroku.com/pricing) as recorded in guv's docs,
/// which change over time: treat the dollars as a comparison, not an invoice.
/// </summary>
public static class DynoPrices
{
    private static readonly Dictionary<string, double> PerHour = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eco"] = 0.0069,
        ["basic"] = 0.01,
        ["standard-1x"] = 0.035,
        ["standard-2x"] = 0.069,
        ["performance-m"] = 0.347,
        ["performance-l"] = 0.694,
        ["performance-l-ram"] = 0.694,
        ["performance-xl"] = 1.042,
        ["performance-2xl"] = 2.083,
    };

    /// <summary>Every size with a price.</summary>
    public static IEnumerable<string> Sizes => PerHour.Keys;

    /// <summary>Dollars per hour of one dyno of the size, or null for a size without a price.</summary>
    public static double? HourlyRate(string size) => PerHour.TryGetValue(size, out var rate) ? rate : null;
}
