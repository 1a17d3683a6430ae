namespace Guv.Model.Policies;

/// <summary>Why a decision came out as it did; stable names for logs and metrics.</summary>
public enum DecisionReason
{
    /// <summary>The current count was unknown, so the estimate is taken as it is.</summary>
    Initial,

    /// <summary>The estimate is above the current count: scale up at once.</summary>
    ScaleUp,

    /// <summary>The estimate and every recent one are below the current count: scale down to the estimate.</summary>
    ScaleDown,

    /// <summary>The estimate is below the current count, but a recent higher estimate limits how far down to go.</summary>
    ScaleDownToHistory,

    /// <summary>The estimate is below the current count, and recent estimates hold the count where it is.</summary>
    HeldByHistory,

    /// <summary>The estimate equals the current count.</summary>
    Unchanged,

    /// <summary>The queue could not be read for several ticks: the role's <c>fallback</c> count, never lower.</summary>
    Fallback,
}

/// <summary>A policy's answer for one role at one tick.</summary>
/// <param name="Estimate">Workers the model says are needed now, clamped to [minimum, maximum].</param>
/// <param name="Next">The count to scale to, or null when nothing should change.</param>
/// <param name="Reason">Why.</param>
/// <param name="Explanation">The arithmetic in plain words.</param>
public sealed record ScalingDecision(int Estimate, int? Next, DecisionReason Reason, string Explanation);
