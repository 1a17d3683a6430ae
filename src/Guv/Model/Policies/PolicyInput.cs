using Guv.Configuration;

namespace Guv.Model.Policies;

/// <summary>Everything a policy may consider for one role at one tick.</summary>
/// <param name="Role">The role's settings.</param>
/// <param name="Observation">What was read this tick.</param>
/// <param name="History">Earlier ticks of the role, not yet including this one.</param>
/// <param name="TickSeconds">Seconds between ticks of the governor.</param>
public sealed record PolicyInput(RoleOptions Role, RoleObservation Observation, RoleHistory History, double TickSeconds);
