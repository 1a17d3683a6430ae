using System.Globalization;

namespace Guv.Simulation.Traces;

/// <summary>
/// Synthetic workloads, written <c>NAME</c> or <c>NAME:key=value,...</c> (rates in jobs per second, times in
/// seconds): <c>poisson:RATE</c>, <c>spike</c>, <c>sine</c>, <c>step</c> and <c>onoff</c>.
/// </summary>
public static class SyntheticTraces
{
    private static readonly Dictionary<string, Shape> Shapes = new(StringComparer.Ordinal)
    {
        ["poisson"] = new("rate", new() { ["rate"] = 1, ["length"] = 3600 }, p => _ => p["rate"], p => p["rate"]),
        ["spike"] = new("peak", new() { ["base"] = 1, ["peak"] = 10, ["at"] = 1800, ["width"] = 300, ["length"] = 3600 },
            p => t => t >= p["at"] && t < p["at"] + p["width"] ? p["peak"] : p["base"], p => Math.Max(p["base"], p["peak"])),
        ["sine"] = new("mean", new() { ["mean"] = 2, ["amplitude"] = 1.5, ["period"] = 3600, ["length"] = 7200 },
            p => t => Math.Max(0, p["mean"] + p["amplitude"] * Math.Sin(2 * Math.PI * t / p["period"])),
            p => p["mean"] + p["amplitude"]),
        ["step"] = new("high", new() { ["low"] = 1, ["high"] = 5, ["at"] = 1800, ["length"] = 3600 },
            p => t => t < p["at"] ? p["low"] : p["high"], p => Math.Max(p["low"], p["high"])),
        ["onoff"] = new("rate", new() { ["rate"] = 5, ["on"] = 300, ["off"] = 900, ["length"] = 7200 },
            p => t => t % (p["on"] + p["off"]) < p["on"] ? p["rate"] : 0, p => p["rate"]),
    };

    /// <summary>The synthetic trace names.</summary>
    public static IEnumerable<string> Names => Shapes.Keys;

    /// <summary>True when <paramref name="spec"/> names a synthetic trace rather than a file.</summary>
    public static bool IsSynthetic(string spec) => Shapes.ContainsKey(spec.Split(':', 2)[0]) && !File.Exists(spec);

    /// <summary>Creates a synthetic trace.</summary>
    /// <exception cref="TraceException">The spec has an unknown parameter or a value that is not a number.</exception>
    public static Trace Create(string spec, TraceOptions options)
    {
        var parts = spec.Split(':', 2);
        var shape = Shapes[parts[0]];
        var values = new Dictionary<string, double>(shape.Defaults, StringComparer.Ordinal);
        foreach (var item in parts.Length > 1 ? parts[1].Split(',', StringSplitOptions.TrimEntries) : [])
        {
            var pair = item.Split('=', 2, StringSplitOptions.TrimEntries);
            var key = pair.Length == 2 ? pair[0] : shape.Main;
            if (!values.ContainsKey(key)
                || !double.TryParse(pair[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || value < 0)
            {
                throw new TraceException($"{spec}: cannot use '{item}'; {parts[0]} takes "
                    + string.Join(", ", shape.Defaults.Select(d => $"{d.Key}=N (default {d.Value})")));
            }

            values[key] = value;
        }

        var from = Seconds(options.From, 0, "--from");
        var to = Math.Min(values["length"], Seconds(options.To, values["length"], "--to"));
        var speed = options.Speed;
        var rate = shape.Rate(values);
        var peak = shape.Peak(values);
        var described = string.Join(", ", values.Select(v => FormattableString.Invariant($"{v.Key}={v.Value}")));
        return new RateTrace(t => speed * rate(from + t * speed), speed * peak)
        {
            Name = $"{parts[0]} ({described})",
            Start = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(from),
            Length = Math.Max(0, to - from) / speed,
        };
    }

    private static double Seconds(string? text, double fallback, string option) =>
        text is null ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0
            ? seconds
            : throw new TraceException($"{option}: a synthetic trace takes seconds from its start, got '{text}'");

    private sealed record Shape(
        string Main,
        Dictionary<string, double> Defaults,
        Func<Dictionary<string, double>, Func<double, double>> Rate,
        Func<Dictionary<string, double>, double> Peak);
}
