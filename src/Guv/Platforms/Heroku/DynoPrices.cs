namespace Guv.Platforms.Heroku;

/// <summary>
/// Heroku's list prices per dyno size, for cost estimates only. Heroku bills per second up to a monthly maximum; the
/// hourly price here is that maximum over 720 hours (30 days), which matches Heroku's own example of a $7 Basic dyno
/// costing "roughly $0.01 per hour". Prices change: a role's <c>cost</c> key overrides this table.
/// </summary>
public static class DynoPrices
{
    /// <summary>When the prices were looked up, and where.</summary>
    public const string Source =
        "Heroku list prices as looked up on 2026-12-04 in Heroku Dev Center 'Usage & Billing' (page updated "
        + "2023-02-06); they may have changed since. Set 'cost' on a role to use your own price.";

    private const double HoursPerMonth = 720;

    // US dollars per dyno per month (the monthly maximum). Eco is a $5 pool of 1000 dyno hours shared by all Eco
    // dynos, so its hourly price is $5 / 1000 h; free and hobby are the names those plans had until 2022.
    private static readonly Dictionary<string, double> MonthlyMaximum = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eco"] = 5.0 / 1000 * HoursPerMonth,
        ["free"] = 0,
        ["basic"] = 7,
        ["hobby"] = 7,
        ["standard-1x"] = 25,
        ["standard-2x"] = 50,
        ["performance-m"] = 250,
        ["performance-l"] = 500,
    };

    /// <summary>Every size the table knows, as Heroku writes them.</summary>
    public static IReadOnlyCollection<string> Sizes => MonthlyMaximum.Keys;

    /// <summary>US dollars one dyno of <paramref name="size"/> costs per hour, or null for a size not in the table.</summary>
    public static double? PerHour(string size) =>
        MonthlyMaximum.TryGetValue(size, out var monthly) ? monthly / HoursPerMonth : null;
}
