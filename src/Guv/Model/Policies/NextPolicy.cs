using System.Globalization;
using Guv.Configuration;

namespace Guv.Model.Policies;

/// <summary>
/// guv's own policy, using what guv reads but the classic model ignores: the arrival rate, the boot time, the
/// spread of processing times and the workers already booting. Enough worker slots so that (1) in steady state
/// the configured percentile of jobs meets the deadline (Erlang C with a variability correction), and (2) the
/// backlog left when a worker asked for now has booted stops delaying new jobs within the deadline; never more
/// slots than there are jobs to work on. A rise in the rate that noise cannot explain is acted on at once; a fall
/// only after the surplus has lasted one boot time, when keeping an idle worker has cost as much as booting it
/// again would. The reasoning is in docs/next-policy.md.
/// </summary>
public sealed class NextPolicy : IScalingPolicy
{
    /// <summary>
    /// Standard deviations of a one-tick Poisson count by which this tick's rate must exceed the averaged one to be
    /// taken as a real rise rather than noise.
    /// </summary>
    public const double RiseSignificance = 3;

    /// <summary>The shared instance; the policy keeps no state of its own.</summary>
    public static readonly NextPolicy Instance = new();

    /// <inheritdoc />
    public string Name => "next";

    /// <inheritdoc />
    public ScalingDecision Decide(PolicyInput input)
    {
        var role = input.Role;
        var observation = input.Observation;
        var averaged = SmoothedRate(input, RateSpan(role, input.TickSeconds));
        var planned = PlannedRate(input, averaged);
        var estimate = Estimate(role, observation, input.TickSeconds, planned, out var explanation);
        if (planned > averaged)
        {
            explanation += string.Create(CultureInfo.InvariantCulture,
                $" (the rate rose beyond noise from an average of {averaged:0.##}/s)");
        }

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

        // Ski rental: an idle worker costs one worker-second per second; booting it again costs `boot` billed
        // seconds. Holding the surplus until it has cost that much (one boot time) before letting go never costs
        // more than twice the best choice made in hindsight. The capacity missing while a worker boots again is kept
        // small by acting on a real rise at once (PlannedRate). With a deadline much longer than a reaction the
        // queue covers a late re-boot: hold less.
        var hold = Math.Max(role.Boot * ReactionShare(role, input.TickSeconds), input.TickSeconds);
        var since = observation.At.AddSeconds(-hold);
        var highest = input.History.Newest(TicksIn(hold, input.TickSeconds)).Where(t => t.At > since)
            .Select(t => t.Estimate).Append(estimate).Max();
        var held = $"{explanation}; highest estimate of the last {hold:0} s is {highest}";
        return highest < now
            ? new(estimate, highest, highest == estimate ? DecisionReason.ScaleDown : DecisionReason.ScaleDownToHistory,
                held)
            : new(estimate, null, DecisionReason.HeldByHistory, held);
    }

    /// <summary>The workers the role needs now, clamped to [minimum, maximum].</summary>
    /// <param name="role">The role.</param>
    /// <param name="observation">This tick's reading.</param>
    /// <param name="tickSeconds">Seconds between ticks.</param>
    /// <param name="smoothedRate">The arrival rate averaged over recent ticks, or null to use this tick's.</param>
    /// <param name="explanation">The arithmetic in plain words.</param>
    public static int Estimate(
        RoleOptions role,
        RoleObservation observation,
        double tickSeconds,
        double? smoothedRate,
        out string explanation)
    {
        var slotsPerWorker = role.Concurrency;
        var maxSlots = Math.Max(role.Minimum, role.Maximum) * slotsPerWorker;
        var jobs = Math.Max(0, observation.Jobs);
        var workers = observation.CurrentWorkers ?? 0;
        var running = Math.Min(observation.Consumers ?? workers, workers);
        var booting = Math.Max(0, workers - running);

        var seen = observation.PublishRate ?? 0;
        var rate = smoothedRate ?? seen;

        // Jobs still waiting when a worker asked for now is up: those waiting now plus the arrivals during the
        // boot, less what running workers finish meanwhile and booting ones once up (half the boot, on average).
        // ('jobs' counts the jobs in service too; they hold their slots.) Jobs arriving after the boot queue behind
        // that backlog, so it must be worked off within the wait a job can afford: deadline less processing.
        var boot = role.Boot;
        var waiting = Math.Max(0, jobs - running * slotsPerWorker);
        var capacityDuringBoot = (running + booting / 2.0) * slotsPerWorker * boot / role.Processing;
        var leftAfterBoot = Math.Max(0, waiting + rate * boot - capacityDuringBoot);
        var drainRate = leftAfterBoot / Math.Max(tickSeconds, role.Deadline - role.Processing);

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
            + (clamped > needed ? $", raised to min {role.Minimum}"
                : clamped < needed ? $", capped at max {role.Maximum}" : "");
        return clamped;
    }

    /// <summary>
    /// Seconds of rates to average: at least one boot (a lull shorter than that is not worth a scale-down) and up
    /// to the wait a job can afford (the queue absorbs what varies faster).
    /// </summary>
    public static double RateSpan(RoleOptions role, double tickSeconds) =>
        Math.Max(Math.Max(role.Boot, tickSeconds), role.Deadline - role.Processing);

    /// <summary>
    /// The rate to plan with: the averaged rate, unless this tick's reading exceeds it by more than
    /// <see cref="RiseSignificance"/> standard deviations of a one-tick Poisson count. Such a rise is real load, and
    /// with a deadline shorter than a reaction every tick of waiting for the average to catch up makes jobs late, so
    /// the plan moves to this tick's rate, in proportion to how much of the deadline a late reaction would eat.
    /// </summary>
    private static double? PlannedRate(PolicyInput input, double? smoothed)
    {
        if (smoothed is not { } average || input.Observation.PublishRate is not { } latest)
        {
            return smoothed;
        }

        var tick = input.TickSeconds;
        var rise = (latest - average) * tick;
        return rise > RiseSignificance * Math.Sqrt(average * tick + 1)
            ? average + ReactionShare(input.Role, tick) * (latest - average)
            : average;
    }

    /// <summary>The mean publish rate over the last <paramref name="span"/> seconds, this tick included, when known.</summary>
    private static double? SmoothedRate(PolicyInput input, double span)
    {
        if (input.Observation.PublishRate is not { } now)
        {
            return null;
        }

        var since = input.Observation.At.AddSeconds(-span);
        var (sum, count) = (now, 1);
        foreach (var tick in input.History.Newest(TicksIn(span, input.TickSeconds)))
        {
            if (tick.At > since && tick.PublishRate is { } rate)
            {
                sum += rate;
                count++;
            }
        }

        return sum / count;
    }

    /// <summary>
    /// How much of the deadline a late reaction (a poll, then a boot) eats, at most 1. Following a rise at once and
    /// the scale-down hold guard against reacting late; with a deadline much longer than a reaction they are worth
    /// less, since the queue absorbs what a late reaction leaves, and they shrink in proportion.
    /// </summary>
    public static double ReactionShare(RoleOptions role, double tickSeconds) =>
        Math.Min(1, (role.Boot + tickSeconds) / Math.Max(tickSeconds, role.Deadline - role.Processing));

    private static int TicksIn(double seconds, double tickSeconds) => (int)Math.Ceiling(seconds / tickSeconds) + 1;
}
