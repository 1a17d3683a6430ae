using System.Globalization;
using Guv.Configuration;

namespace Guv.Model.Policies;

/// <summary>
/// KEDA's RabbitMQ trigger in QueueLength mode driving the Kubernetes HPA with its default behaviour: desired =
/// ceil(jobs / value); no change within 10% of the target; scale-down stabilized over 300 s (the highest
/// recommendation of the window); scale-up limited to the larger of doubling or 4 more workers per step.
/// It reads ready plus unacknowledged messages, as KEDA does over the management API.
/// </summary>
public sealed class HpaPolicy : IScalingPolicy
{
    /// <summary>The HPA's default tolerance: no change while the usage ratio is within 10% of 1.</summary>
    public const double Tolerance = 0.1;

    /// <summary>The HPA's default scale-down stabilization window, s.</summary>
    public const double StabilizationSeconds = 300;

    /// <summary>The shared instance; the policy keeps no state of its own.</summary>
    public static readonly HpaPolicy Instance = new();

    /// <inheritdoc />
    public string Name => "hpa";

    /// <summary>The role's jobs per worker: its <c>value</c>, else (deadline - processing) / processing * concurrency.</summary>
    public static double ValueOf(RoleOptions role) =>
        role.Value ?? Math.Max(0.01, (role.Deadline - role.Processing) / role.Processing * role.Concurrency);

    /// <inheritdoc />
    public ScalingDecision Decide(PolicyInput input)
    {
        var role = input.Role;
        var jobs = input.Observation.Jobs;
        var value = ValueOf(role);
        var high = Math.Max(role.Minimum, role.Maximum);
        var current = input.Observation.CurrentWorkers;
        var wanted = (int)Math.Ceiling(jobs / value);
        var explanation = string.Create(CultureInfo.InvariantCulture, $"{jobs} jobs / {value:0.##} per worker = {wanted}");

        // KEDA itself activates a role at zero workers; the HPA's ratio is undefined there.
        if (current is not { } now || now == 0)
        {
            var first = Math.Clamp(wanted, role.Minimum, high);
            return new(first, first == current ? null : first, current is null ? DecisionReason.Initial
                : DecisionReason.ScaleUp, explanation);
        }

        var ratio = jobs / (value * now);
        var recommendation = Math.Abs(ratio - 1) <= Tolerance ? now : Math.Clamp(wanted, role.Minimum, high);
        if (recommendation > now)
        {
            var limited = Math.Min(recommendation, Math.Max(2 * now, now + 4));
            var note = limited < recommendation ? $", limited to {limited} by the scale-up rate" : "";
            return new(recommendation, limited, DecisionReason.ScaleUp, explanation + note);
        }

        if (recommendation == now)
        {
            return new(recommendation, null, DecisionReason.Unchanged, explanation + " (within tolerance)");
        }

        var since = input.Observation.At.AddSeconds(-StabilizationSeconds);
        var window = (int)Math.Ceiling(StabilizationSeconds / input.TickSeconds) + 1;
        var stabilized = input.History.Newest(window).Where(t => t.At > since).Select(t => t.Estimate)
            .Append(recommendation).Max();
        var held = $"{explanation}; highest recommendation of the last {StabilizationSeconds:0} s is {stabilized}";
        return stabilized < now
            ? new(recommendation, stabilized, stabilized == recommendation ? DecisionReason.ScaleDown
                : DecisionReason.ScaleDownToHistory, held)
            : new(recommendation, null, DecisionReason.HeldByHistory, held);
    }
}
