namespace Guv.Configuration;

/// <summary>Measured processing time of one role's jobs, as job-metric exporters report it.</summary>
/// <param name="Average">Mean seconds, or null to leave <c>processing</c> as it is.</param>
/// <param name="Stddev">Standard deviation in seconds, or null to leave <c>stddev</c> as it is.</param>
public sealed record RoleStats(double? Average, double? Stddev);

/// <summary>The outcome of <see cref="JobStatsRewriter.Rewrite"/>.</summary>
/// <param name="Text">The new config text; equal to the old one when nothing changed.</param>
/// <param name="Changes">One line per changed role, e.g. <c>resize: processing 10 -> 12.5, stddev 5 -> 3.1</c>.</param>
/// <param name="Missing">Roles that had stats but are not in the config; they are not added.</param>
/// <param name="Skipped">Roles in the config that could not be changed in place, each with the reason.</param>
public sealed record JobStatsUpdate(
    string Text,
    IReadOnlyList<string> Changes,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> Skipped);
