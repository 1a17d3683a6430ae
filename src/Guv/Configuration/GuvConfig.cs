namespace Guv.Configuration;

/// <summary>A loaded configuration: the defaults role <c>'*'</c> and every other role, in file order.</summary>
/// <param name="Defaults">The resolved <c>'*'</c> role; its poll interval paces the governor.</param>
/// <param name="Roles">The roles to govern, without <c>'*'</c>.</param>
/// <param name="Source">Where the text came from, for messages: a file path or <c>GUV_CONFIG</c>.</param>
public sealed record GuvConfig(RoleOptions Defaults, IReadOnlyList<RoleOptions> Roles, string Source)
{
    /// <summary>What guv runs with but should be fixed, such as a deadline that cannot be met.</summary>
    public IReadOnlyList<ConfigProblem> Warnings { get; init; } = [];

    /// <summary>Seconds between ticks of the governor.</summary>
    public double PollInterval => Defaults.PollInterval;

    /// <summary>Finds a role by name, or null.</summary>
    public RoleOptions? Find(string name) => Roles.FirstOrDefault(r => r.Name == name);
}
