namespace Guv.Configuration;

/// <summary>The outcome of checking a config.</summary>
/// <param name="Config">The loaded config, or null when there are problems.</param>
/// <param name="Problems">What makes the config unusable.</param>
/// <param name="Warnings">What guv runs with but should be fixed, such as a deadline that cannot be met.</param>
public sealed record ConfigCheckResult(
    GuvConfig? Config,
    IReadOnlyList<ConfigProblem> Problems,
    IReadOnlyList<ConfigProblem> Warnings);
