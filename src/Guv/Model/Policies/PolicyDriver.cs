namespace Guv.Model.Policies;

/// <summary>
/// The one way a decision is made: find the role's policy, ask it, remember the tick in the role's history. The
/// live <see cref="Governor.Governor"/> and the simulator both call this, so a simulation runs the code
/// <c>guv run</c> runs.
/// </summary>
public static class PolicyDriver
{
    /// <summary>Decides for one role at one tick and records the tick in <paramref name="history"/>.</summary>
    /// <param name="role">The role; its <c>policy</c> names the policy (unknown names fall back to classic).</param>
    /// <param name="observation">What was read this tick.</param>
    /// <param name="history">The role's earlier ticks; this tick is added after deciding.</param>
    /// <param name="tickSeconds">Seconds between ticks.</param>
    public static ScalingDecision Decide(
        Configuration.RoleOptions role,
        RoleObservation observation,
        RoleHistory history,
        double tickSeconds)
    {
        var policy = PolicyCatalog.Find(role.Policy) ?? ClassicPolicy.Instance;
        var decision = policy.Decide(new PolicyInput(role, observation, history, tickSeconds));
        history.Add(new TickRecord(observation.At, observation.Jobs, decision.Estimate,
            decision.Next ?? observation.CurrentWorkers, observation.PublishRate));
        return decision;
    }
}
