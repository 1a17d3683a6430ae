using Guv.Configuration;
using Guv.Governor;

namespace Guv.History;

/// <summary>
/// One role at one tick, as stored: what was read, what was decided and why. Unknown values are null. Holds no
/// secret by construction: no broker URL, no key, only numbers, the role's name and guv's own messages.
/// </summary>
/// <param name="At">When the tick started.</param>
/// <param name="Role">The role's name.</param>
/// <param name="Jobs">Jobs in the queue (ready plus unacknowledged), when read.</param>
/// <param name="Consumers">Consumers on the queue, when reported.</param>
/// <param name="FillRate">Jobs arriving per second, when reported.</param>
/// <param name="DrainRate">Jobs finishing per second, when reported.</param>
/// <param name="Workers">Workers the platform reported before deciding, when known.</param>
/// <param name="Estimate">Workers the policy estimated, when it decided.</param>
/// <param name="Desired">The count the role should have after the decision, when known.</param>
/// <param name="Applied">The count the role has after the tick, when known.</param>
/// <param name="Minimum">The role's minimum at the time.</param>
/// <param name="Maximum">The role's maximum at the time.</param>
/// <param name="Deadline">The role's deadline at the time, in seconds.</param>
/// <param name="Reason">The decision's reason (a <c>DecisionReason</c> name), when it decided.</param>
/// <param name="Explanation">The decision's arithmetic in plain words.</param>
/// <param name="Error">Why the role was left as it is, when it was.</param>
public sealed record HistoryRecord(
    DateTimeOffset At,
    string Role,
    int? Jobs,
    int? Consumers,
    double? FillRate,
    double? DrainRate,
    int? Workers,
    int? Estimate,
    int? Desired,
    int? Applied,
    int Minimum,
    int Maximum,
    double Deadline,
    string? Reason,
    string? Explanation,
    string? Error)
{
    /// <summary>The records of one tick, one per role, with each role's limits from the config in force.</summary>
    public static IReadOnlyList<HistoryRecord> FromTick(TickReport tick, GuvConfig config) =>
        tick.Roles.Select(r =>
        {
            var role = config.Find(r.Role);
            return new HistoryRecord(
                tick.At,
                r.Role,
                r.Stats?.Jobs,
                r.Stats?.Consumers,
                r.Stats?.PublishRate,
                r.Stats?.AckRate,
                r.Workers,
                r.Decision?.Estimate,
                r.Decision is { } d ? d.Next ?? r.Workers : null,
                r.Applied,
                role?.Minimum ?? 0,
                role?.Maximum ?? 0,
                role?.Deadline ?? 0,
                r.Decision?.Reason.ToString(),
                r.Decision?.Explanation,
                r.Error);
        }).ToList();
}
