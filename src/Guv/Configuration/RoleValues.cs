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

    /// <summary>True when the role writes the key itself rather than inheriting it from <c>'*'</c>.</summary>
    public bool IsOwn(string key) => own.ContainsKey(key);

    public string? Text(string key) => Lookup(key)?.Value.Value;

    /// <param name="key">The key's canonical name.</param>
    /// <param name="zeroMeansDefault">
    /// True where guv 0.3 tested <c>if not c.key</c>, so that an explicit 0 meant "use the default".
    /// </param>
    public double? Seconds(string key, bool zeroMeansDefault = false)
    {
        var number = Number(key);
        if (number is 0 && zeroMeansDefault)
        {
            return null;
        }

        if (number is { } value && value <= 0)
        {
            Report(key, $"must be a time in seconds above zero, got {Written(key)}",
                $"Give a positive number of seconds, for example '{KeyAsWritten(key)}: {ConfigKeys.Example(key)}'.");
            return null;
        }

        return number;
    }

    public double? Money(string key)
    {
        var number = Number(key);
        if (number is < 0)
        {
            Report(key, $"must be an amount of zero or more, got {Written(key)}",
                "Give the US dollars one worker costs per hour, for example 'cost: 0.05'.");
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
                "Give a percentage such as 99, meaning 99% of jobs meet the deadline.");
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
                $"Give a whole number, for example '{KeyAsWritten(key)}: {Math.Max(minimumValue, Math.Round(value))}'.");
            return null;
        }

        return (int)value;
    }

    public bool? Flag(string key)
    {
        switch (Lookup(key)?.Value.Value)
        {
            case null:
                return null;
            case "true":
                return true;
            case "false":
                return false;
            default:
                Report(key, $"must be true or false, got {Written(key)}",
                    $"Write '{KeyAsWritten(key)}: true', or leave it out for false.");
                return null;
        }
    }

    private double? Number(string key)
    {
        if (Lookup(key) is not { } entry)
        {
            return null;
        }

        var text = entry.Value.Value ?? "";
        var parsed = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            && double.IsFinite(value);
        if (parsed && !entry.Value.Plain)
        {
            Report(key, $"must be a number, got the quoted text \"{text}\"",
                $"Remove the quotes: '{KeyAsWritten(key)}: {text}'.");
            return null;
        }

        if (!parsed)
        {
            Report(key, $"must be a number, got '{text}'",
                $"Write a plain number, for example '{KeyAsWritten(key)}: {ConfigKeys.Example(key)}'.");
            return null;
        }

        return value;
    }

    private string Written(string key) => Lookup(key)?.Value.Value ?? "";

    private string KeyAsWritten(string key) => Lookup(key)?.Key.Value ?? key;

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
