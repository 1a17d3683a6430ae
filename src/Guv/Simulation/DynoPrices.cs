namespace Guv.Simulation;

/// <summary>
/// Heroku's prices by dyno size, for the cost a simulation reports. Heroku prorates dynos to the second up to a
/// monthly maximum (devcenter.heroku.com/articles/usage-and-billing, as of October 2024: basic $7, standard-1x
/// $25, standard-2x $50, performance-m $250, performance-l $500 per month); the hourly rate is that maximum over
/// 720 hours, as Heroku's own example ($7 a month, about $0.01 an hour) reckons it. Prices change: treat the
/// dollars as a comparison, not an invoice. Eco dynos are a flat monthly plan and have no price here.
/// </summary>
public static class DynoPrices
{
    private const double HoursPerMonth = 720;

    private static readonly Dictionary<string, double> PerMonth = new(StringComparer.OrdinalIgnoreCase)
    {
        ["basic"] = 7,
        ["standard-1x"] = 25,
        ["standard-2x"] = 50,
        ["performance-m"] = 250,
        ["performance-l"] = 500,
    };

    /// <summary>Every size with a price.</summary>
    public static IEnumerable<string> Sizes => PerMonth.Keys;

    /// <summary>Dollars per hour of one dyno of the size, or null for a size without a price.</summary>
    public static double? HourlyRate(string size) =>
        PerMonth.TryGetValue(size, out var monthly) ? monthly / HoursPerMonth : null;
}
