using Guv.Model.Policies;
using Guv.Simulation;

namespace Guv.Bench.Policies;

/// <summary>The results of one scenario: every policy at its defaults and both baselines tuned.</summary>
internal sealed record ScenarioRun(
    Scenario Scenario,
    SimulationResult Classic,
    SimulationResult Hpa,
    SimulationResult Next,
    Tuned ClassicTuned,
    Tuned HpaTuned)
{
    public static ScenarioRun Run(Scenario scenario)
    {
        var options = new SimulationOptions { Seed = 1, TickSeconds = scenario.Tick, Sla = scenario.Role.Deadline };
        SimulationResult Default(string policy) =>
            Simulator.Run(scenario.Role with { Policy = policy }, scenario.Trace, options);
        var run = new ScenarioRun(
            scenario,
            Default(ClassicPolicy.Instance.Name),
            Default(HpaPolicy.Instance.Name),
            Default(NextPolicy.Instance.Name),
            Tuner.Classic(scenario, options),
            Tuner.Hpa(scenario, options));
        Console.Error.WriteLine($"done: {scenario.Name}");
        return run;
    }

    /// <summary>True when next met the percentile.</summary>
    public bool NextMet => Next.WithinDeadline >= Scenario.Role.Percentile / 100;

    /// <summary>The cheaper tuned baseline that met the percentile, or null when neither did.</summary>
    public Tuned? CheaperTuned =>
        new[] { ClassicTuned, HpaTuned }.Where(t => t.Met).OrderBy(t => t.Result.WorkerSeconds).FirstOrDefault();
}
