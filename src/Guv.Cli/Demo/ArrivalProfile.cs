using System.Globalization;

namespace Guv.Cli.Demo;

/// <summary>
/// Expected job arrivals per second of demo time, one bin per second. The demo draws the actual arrivals from it
/// as a Poisson process, so a bin of 2.5 means 2 or 3 jobs most seconds.
/// </summary>
internal sealed class ArrivalProfile(IReadOnlyList<double> perSecond, string description)
{
    /// <summary>Expected arrivals in each second of the demo.</summary>
    public IReadOnlyList<double> PerSecond { get; } = perSecond;

    /// <summary>What the profile is, for the demo's header.</summary>
    public string Description { get; } = description;

    public int Seconds => PerSecond.Count;

    public double TotalJobs => PerSecond.Sum();

    /// <summary>The highest rate over any <paramref name="window"/> consecutive seconds: the load the peak needs.</summary>
    public double PeakRate(int window = 5)
    {
        var best = 0.0;
        for (var i = 0; i + window <= PerSecond.Count; i++)
        {
            best = Math.Max(best, PerSecond.Skip(i).Take(window).Average());
        }

        return PerSecond.Count < window ? PerSecond.DefaultIfEmpty(0).Max() : best;
    }

    public ArrivalProfile Scaled(double factor) =>
        new(PerSecond.Select(r => r * factor).ToList(), Description);

    /// <summary>
    /// A morning shaped like the NASA web server's STS-70 launch day (1995-07-13): a quiet start, a surge to about
    /// eight times the base rate, a slow decline. 150 s long; the base rate is one job every <c>1/baseRate</c> s.
    /// </summary>
    public static ArrivalProfile LaunchMorning(double baseRate)
    {
        var rates = new List<double>();
        for (var t = 0; t < 150; t++)
        {
            var factor = t switch
            {
                < 30 => 1.0,
                < 45 => 1 + 7 * (t - 30) / 15.0,   // the surge builds over 15 s
                < 80 => 8.0,                         // the launch
                < 120 => 8 - 6 * (t - 80) / 40.0,   // interest fades
                _ => 2 - (t - 120) / 30.0,           // back to the base rate
            };
            rates.Add(baseRate * factor);
        }

        return new ArrivalProfile(rates, string.Create(CultureInfo.InvariantCulture,
            $"built-in launch morning: {baseRate:0.##} jobs/s, a surge to {8 * baseRate:0.##} jobs/s, then a decline"));
    }
}
