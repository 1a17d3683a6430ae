using System.Globalization;

namespace Guv.Configuration;

/// <summary>Typed access to one role's written values, falling back to what <c>'*'</c> wrote.</summary>
internal sealed class RoleValues(
    RoleReader reader,
    string role,
    Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> own,
    Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> inherited)
{
    public ConfigNode? PlaceOf(string key) => Lookup(key)?.Key;

    public string? Text(string key) => Lookup(key)?.Value.Value;

    public double? Seconds(string key)
    {
        var number = Number(key);
        if (number is { } value && value <= 0)
        {
            Report(key, $"must be a time in seconds above zero, got {Written(key)}", "Give a positive number of seconds.");
            return null;
        }

        return number;
    }

    public double? Positive(string key)
    {
        var number = Number(key);
        if (number is { } value && value <= 0)
        {
            Report(key, $"must be a number above zero, got {Written(key)}", $"For example '{key}: 5'.");
            return null;
        }

        return number;
    }

    public double? Percent(string key)
    {
        var number = Number(key);
        if (number is { } value && value is <= 0 or >= 100)
        {
            Report(key, $"must be a percentage between 0 and 100 (exclusive), got {Written(key)}",
                "For example 99 means 99% of jobs meet the deadline.");
            return null;
        }

        return number;
    }

    public int? Count(string key, int minimumValue = 0)
    {
        var number = Number(key);
        if (number is not { } value)
        {
            return null;
        }

        if (value != Math.Floor(value) || value < minimumValue || value > int.MaxValue)
        {
            Report(key, $"must be a whole number of at least {minimumValue}, got {Written(key)}",
                "Give a whole number without a fraction.");
            return null;
        }

        return (int)value;
    }

    private double? Number(string key)
    {
        if (Lookup(key) is not { } entry)
        {
            return null;
        }

        var text = entry.Value.Value ?? "";
        if (!entry.Value.Plain)
        {
            Report(key, $"must be a number, got the quoted text \"{text}\"", "Remove the quotes.");
            return null;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            Report(key, $"must be a number, got '{text}'", $"Write a plain number, for example '{key}: 10'.");
            return null;
        }

        return value;
    }

    private string Written(string key) => Lookup(key)?.Value.Value ?? "";

    private (ConfigScalar Key, ConfigScalar Value)? Lookup(string key) =>
        own.TryGetValue(key, out var mine) ? mine
        : inherited.TryGetValue(key, out var theirs) ? theirs
        : null;

    private void Report(string key, string message, string fix)
    {
        // A bad value in '*' is reported once, for '*', not again for every role that inherits it.
        if (!own.ContainsKey(key) && role != ConfigLoader.DefaultsRole)
        {
            return;
        }

        reader.Problem(Lookup(key)?.Value, role, key, message, fix);
    }
}
