using Guv.History;

namespace Guv.Web;

/// <summary>One role in <c>/api/state</c>: where it runs, and its last tick with its limits.</summary>
/// <param name="Role">The role's name.</param>
/// <param name="Platform">Where its workers run.</param>
/// <param name="Queue">The queue its workers consume.</param>
/// <param name="Last">The last tick's reading and decision (all null before the first tick).</param>
public sealed record RoleState(string Role, string Platform, string Queue, HistoryRecord Last);

/// <summary>The JSON of <c>/api/state</c>: the last tick. Holds no broker URL, key or token.</summary>
/// <param name="At">When the last tick started; null before the first.</param>
/// <param name="DurationSeconds">How long it took.</param>
/// <param name="PollInterval">Seconds between ticks.</param>
/// <param name="Healthy">What <c>/healthz</c> answers.</param>
/// <param name="Health">Why, in words.</param>
/// <param name="DryRun">True when guv changes no workers.</param>
/// <param name="Roles">One entry per role, in config order.</param>
public sealed record GuvState(
    DateTimeOffset? At,
    double? DurationSeconds,
    double PollInterval,
    bool Healthy,
    string Health,
    bool DryRun,
    IReadOnlyList<RoleState> Roles)
{
    /// <summary>
    /// <c>leader</c> while this guv holds the leader lease and applies changes, <c>standby</c> while another holds
    /// it (or the lease cannot be reached); null when guv runs alone, without a lease.
    /// </summary>
    public string? Leadership { get; init; }

    /// <summary>The holder of the lease as the store last named it; null without a lease.</summary>
    public string? Leader { get; init; }
}
