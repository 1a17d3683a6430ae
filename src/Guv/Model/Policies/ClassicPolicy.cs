namespace Guv.Model.Policies;

/// <summary>
/// guv 0.3's policy: the classic model's estimate, applied at once when it is higher, and when lower only as far
/// as the highest estimate of the last <c>floor(history / pollinterval)</c> ticks allows.
/// </summary>
public sealed class ClassicPolicy : IScalingPolicy
{
    /// <summary>The shared instance; the policy keeps no state of its own.</summary>
    public static readonly ClassicPolicy Instance = new();

    /// <inheritdoc />
    public string Name => "classic";

    /// <inheritdoc />
    public ScalingDecision Decide(PolicyInput input)
    {
        var role = input.Role;
        var estimate = ClassicModel.Estimate(role, input.Observation.Jobs);
        var workers = estimate.Workers;
        var explanation = estimate.Explain(role);
        var current = input.Observation.CurrentWorkers;

        if (current is not { } now)
        {
            return new(workers, workers, DecisionReason.Initial, explanation);
        }

        if (workers > now)
        {
            return new(workers, workers, DecisionReason.ScaleUp, explanation);
        }

        if (workers == now)
        {
            return new(workers, null, DecisionReason.Unchanged, explanation);
        }

        var windowSize = (int)Math.Floor(role.History / input.TickSeconds);
        var window = input.History.Newest(windowSize).Select(t => t.Estimate).ToList();
        var highest = window.Count > 0 ? window.Max() : int.MinValue;
        if (workers >= highest)
        {
            return new(workers, workers, DecisionReason.ScaleDown, explanation);
        }

        var held = $"{explanation}; highest estimate of the last {window.Count} ticks is {highest}";
        return highest < now
            ? new(workers, highest, DecisionReason.ScaleDownToHistory, held)
            : new(workers, null, DecisionReason.HeldByHistory, held);
    }
}
