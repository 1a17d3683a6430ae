using Guv.History;

namespace Guv.Web;

/// <summary>What the web endpoints read: the governor, the history store and the metrics.</summary>
/// <param name="Governor">The running governor.</param>
/// <param name="History">The history store.</param>
/// <param name="Metrics">The metrics.</param>
/// <param name="Time">The clock.</param>
/// <param name="DryRun">True when guv changes no workers.</param>
public sealed record WebSources(
    Governor.Governor Governor,
    IHistoryStore History,
    GuvMetrics Metrics,
    TimeProvider Time,
    bool DryRun)
{
    /// <summary>The leader lease when several guv share a store (issue #6); null when this guv runs alone.</summary>
    public Leadership.LeaderLease? Lease { get; init; }
}
