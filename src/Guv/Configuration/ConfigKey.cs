namespace Guv.Configuration;

/// <summary>What kind of value a config key takes.</summary>
public enum ConfigValueKind
{
    /// <summary>A number of seconds that must be above zero.</summary>
    Seconds,

    /// <summary>A whole number of workers or jobs, zero or more.</summary>
    Count,

    /// <summary>A percentage strictly between 0 and 100.</summary>
    Percent,

    /// <summary>An amount of money, zero or more.</summary>
    Money,

    /// <summary>Free text.</summary>
    Text,
}

/// <summary>One key a role may set.</summary>
/// <param name="Name">The canonical name.</param>
/// <param name="Shorthand">guv 0.3's shorthand (<c>p</c>, <c>d</c>, ...), or null.</param>
/// <param name="Kind">What the value must be.</param>
/// <param name="Description">One line for help and error messages.</param>
public sealed record ConfigKey(string Name, string? Shorthand, ConfigValueKind Kind, string Description);
