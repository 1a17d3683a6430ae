using Guv.Model.Policies;
using Guv.Queues;

namespace Guv.Governor;

/// <summary>What happened to one role in one tick.</summary>
/// <param name="Role">The role's name.</param>
/// <param name="Stats">The queue statistics read, or null when the queue could not be read.</param>
/// <param name="Workers">The worker count read from the platform before deciding, when known.</param>
/// <param name="Decision">The policy's decision, or null when nothing was decided (a read failed).</param>
/// <param name="Applied">The count the role has after this tick, when known.</param>
/// <param name="Error">Why the role was left as it is, when it was.</param>
public sealed record RoleTick(
    string Role,
    QueueStats? Stats,
    int? Workers,
    ScalingDecision? Decision,
    int? Applied,
    string? Error)
{
    /// <summary>
    /// What kind of failure <see cref="Error"/> is, as a stable label for metrics: a <c>QueueReadError</c> name in
    /// snake case (<c>unreachable</c>, <c>http_error</c>, <c>bad_response</c>, <c>not_found</c>, <c>no_statistics</c>),
    /// or <c>timeout</c>, <c>broker_address</c>, <c>platform_read</c>, <c>scale</c>; null without an error.
    /// </summary>
    public string? ErrorKind { get; init; }
}

/// <summary>The outcome of one tick of the governor.</summary>
/// <param name="At">When the tick started.</param>
/// <param name="Roles">One entry per role, in config order.</param>
/// <param name="Duration">How long the tick took.</param>
public sealed record TickReport(DateTimeOffset At, IReadOnlyList<RoleTick> Roles, TimeSpan Duration);
