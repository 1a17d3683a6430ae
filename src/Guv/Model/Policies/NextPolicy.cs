using System.Globalization;
using Guv.Configuration;

namespace Guv.Model.Policies;

/// <summary>
/// guv's own policy, using what guv reads but the classic model ignores: the arrival rate, the boot time, the
/// spread of processing times and the workers already booting. Enough worker slots so that (1) in steady state
/// the configured percentile of jobs meets the deadline (Erlang C with a variability correction), and (2) the
/// backlog left when a worker asked for now has booted drains within what remains of the deadline; never more
/// slots than there are jobs to work on; and down only after the surplus has lasted one boot time, when keeping an
/// idle worker has cost as much as booting it again would. The reasoning is in docs/next-policy.md.
/// </summary>
public sealed class NextPolicy : IScalingPolicy
{
    /// <summary>
    /// Standard deviations added to the arrival count of the last tick: the rate seen over one poll is a sample of
    /// a Poisson count, so planning with its upper confidence bound keeps noise from reading as a lull.
    /// </summary>
    public const double RateConfidence = 1.0;

    /// <summary>The shared instance; the policy keeps no state of its own.</summary>
    public static readonly NextPolicy Instance = new();

    /// <inheritdoc />
    public string Name => "next";

    /// <inheritdoc />
    public ScalingDecision Decide(PolicyInput input)
    {
        var role = input.Role;
        var observation = input.Observation;
        var estimate = Estimate(role, observation, input.TickSeconds, out var explanation);
        var current = observation.CurrentWorkers;
        if (current is not { } now)
        {
            return new(estimate, estimate, DecisionReason.Initial, explanation);
        }

        if (estimate > now)
        {
            return new(estimate, estimate, DecisionReason.ScaleUp, explanation);
        }

        if (estimate == now)
        {
            return new(estimate, null, DecisionReason.Unchanged, explanation);
        }

        // Ski rental: an idle worker costs one worker-second per second, booting it again costs `boot` seconds
        // (and late jobs while it boots). Holding the surplus for one boot time before letting go never costs more
        // than twice the best choice made in hindsight.
        var since = observation.At.AddSeconds(-Math.Max(role.Boot, input.TickSeconds));
        var window = (int)Math.Ceiling(Math.Max(role.Boot, input.TickSeconds) / input.TickSeconds) + 1;
        var highest = input.History.Newest(window).Where(t => t.At > since).Select(t => t.Estimate)
            .Append(estimate).Max();
        var held = $"{explanation}; highest estimate of the last {role.Boot:0} s (one boot) is {highest}";
        return highest < now
            ? new(estimate, highest, highest == estimate ? DecisionReason.ScaleDown : DecisionReason.ScaleDownToHistory,
                held)
            : new(estimate, null, DecisionReason.HeldByHistory, held);
    }

    /// <summary>The workers the role needs now, clamped to [minimum, maximum].</summary>
    public static int Estimate(RoleOptions role, RoleObservation observation, double tickSeconds, out string explanation)
    {
        var slotsPerWorker = role.Concurrency;
        var maxSlots = Math.Max(role.Minimum, role.Maximum) * slotsPerWorker;
        var jobs = Math.Max(0, observation.Jobs);
        var workers = observation.CurrentWorkers ?? 0;
        var running = Math.Min(observation.Consumers ?? workers, workers);
        var booting = Math.Max(0, workers - running);

        // Plan with an upper bound of the rate: the arrivals of one tick are a Poisson count.
        var seen = observation.PublishRate ?? 0;
        var count = seen * tickSeconds;
        var rate = (count + RateConfidence * Math.Sqrt(count)) / tickSeconds;

        // Jobs still waiting when a worker asked for now is up: the backlog plus the arrivals during the boot,
        // less what running workers finish meanwhile and what booting ones finish once up (half the boot, on
        // average). They must be done within what is left of the deadline after the boot and one job's processing.
        var boot = role.Boot;
        var capacityDuringBoot = (running + booting / 2.0) * slotsPerWorker * boot / role.Processing;
        var leftAfterBoot = Math.Max(0, jobs + rate * boot - capacityDuringBoot);
        var drainWindow = Math.Max(tickSeconds, role.Deadline - boot - role.Processing);
        var drainRate = leftAfterBoot / drainWindow;

        var miss = 1 - role.Percentile / 100;
        var slots = QueueingModel.ServersFor(rate + drainRate, role.Processing, role.Stddev, role.Deadline, miss,
            maxSlots);

        // Never more slots than jobs to work on: those present and those arriving until the next tick after a boot.
        var useful = (int)Math.Ceiling(jobs + rate * (boot + tickSeconds));
        slots = Math.Min(slots, useful);
        var needed = (int)Math.Ceiling(slots / (double)slotsPerWorker);
        var clamped = Math.Clamp(needed, role.Minimum, Math.Max(role.Minimum, role.Maximum));
        explanation = string.Create(CultureInfo.InvariantCulture,
            $"{jobs} jobs, {seen:0.##}/s arriving (planning {rate:0.##}/s), {booting} booting: ")
            + string.Create(CultureInfo.InvariantCulture,
                $"{leftAfterBoot:0} left after a {boot:0} s boot, {slots} slots = {needed} workers")
            + (clamped > needed ? $", raised to min {role.Minimum}" : clamped < needed ? $", capped at max {role.Maximum}" : "");
        return clamped;
    }
}
