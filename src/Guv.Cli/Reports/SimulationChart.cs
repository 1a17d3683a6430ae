using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Cli.Reports;

/// <summary>Draws a simulation's timeline: arrivals, queue length, workers per policy and latency over time.</summary>
internal static class SimulationChart
{
    public static void Save(string path, Trace trace, IReadOnlyList<SimulationResult> results)
    {
        _ = path;
        _ = trace;
        _ = results;
        throw new UserError("--plot is not available yet");
    }
}
