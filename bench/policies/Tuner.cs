using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;
using Guv.Simulation;

namespace Guv.Bench.Policies;

/// <summary>
/// Tunes a baseline until it meets the scenario's percentile against the scenario's deadline: classic by shortening
/// the deadline it is configured with, hpa by lowering its jobs per worker. Bisection, since both knobs only ever
/// add workers as they tighten.
/// </summary>
internal static class Tuner
{
    private const int Steps = 9;

    public static Tuned Classic(Scenario scenario, SimulationOptions options)
    {
        var role = scenario.Role with { Policy = ClassicPolicy.Instance.Name };
        // Below this configured deadline classic's target is not above processing and it asks for one worker per job.
        var tightest = role.Processing + NormalDistribution.Quantile(role.Percentile / 100) * role.Stddev + 0.01;
        return Search(scenario, options, role.Deadline, Math.Min(tightest, role.Deadline),
            d => role with { Deadline = d }, d => $"deadline {d:0.#} s");
    }

    public static Tuned Hpa(Scenario scenario, SimulationOptions options)
    {
        var role = scenario.Role with { Policy = HpaPolicy.Instance.Name };
        return Search(scenario, options, HpaPolicy.ValueOf(role), 0.25, v => role with { Value = v },
            v => $"value {v:0.##}");
    }

    // 'loose' is the default setting, 'tight' the one that adds the most workers.
    private static Tuned Search(
        Scenario scenario,
        SimulationOptions options,
        double loose,
        double tight,
        Func<double, RoleOptions> configure,
        Func<double, string> describe)
    {
        var goal = scenario.Role.Percentile / 100;
        var best = Simulator.Run(configure(tight), scenario.Trace, options);
        if (best.WithinDeadline < goal)
        {
            return new Tuned(best, describe(tight), false);
        }

        var setting = tight;
        for (var i = 0; i < Steps; i++)
        {
            var middle = (loose + setting) / 2;
            var result = Simulator.Run(configure(middle), scenario.Trace, options);
            if (result.WithinDeadline >= goal)
            {
                (best, setting) = (result, middle);
            }
            else
            {
                loose = middle;
            }
        }

        return new Tuned(best, describe(setting), true);
    }
}

/// <summary>A tuned baseline: its figures, the setting found, and whether it met the percentile at all.</summary>
internal sealed record Tuned(SimulationResult Result, string Setting, bool Met);
