namespace Guv.Model.Policies;

/// <summary>
/// Decides how many workers a role should have. Implementations are pure: everything they may use comes in the
/// <see cref="PolicyInput"/>, so the live governor and the simulator call the very same code.
/// </summary>
public interface IScalingPolicy
{
    /// <summary>The name used in the <c>policy</c> key.</summary>
    string Name { get; }

    /// <summary>Decides for one role at one tick.</summary>
    ScalingDecision Decide(PolicyInput input);
}
