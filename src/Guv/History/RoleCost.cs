namespace Guv.History;

/// <summary>One role's worker-hours and dollars over the stored history, as recorded and as replayed.</summary>
/// <param name="Role">The role's name.</param>
/// <param name="Size">The dyno size priced.</param>
/// <param name="PricePerHour">Dollars per worker-hour, when the size is known.</param>
/// <param name="Hours">Hours of history covered.</param>
/// <param name="RecordedWorkerHours">Worker-hours guv actually ran.</param>
/// <param name="ReplayedWorkerHours">Worker-hours the replayed config would have run; null when it has no such role.</param>
public sealed record RoleCost(
    string Role,
    string Size,
    decimal? PricePerHour,
    double Hours,
    double RecordedWorkerHours,
    double? ReplayedWorkerHours)
{
    /// <summary>Dollars of the recorded worker-hours, when priced.</summary>
    public decimal? RecordedDollars => PricePerHour * (decimal)RecordedWorkerHours;

    /// <summary>Dollars of the replayed worker-hours, when priced and replayed.</summary>
    public decimal? ReplayedDollars => ReplayedWorkerHours is { } hours ? PricePerHour * (decimal)hours : null;
}
