using System.Diagnostics;
using Guv.Model.Policies;
using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Bench.Policies;

/// <summary>How fast the whole two-month NASA trace replays under each policy, one core, and the memory it takes.</summary>
internal static class SpeedRun
{
    public static IReadOnlyList<(string Policy, long Jobs, TimeSpan Elapsed, long PeakBytes)> Measure(string file)
    {
        var results = new List<(string, long, TimeSpan, long)>();
        foreach (var policy in new[] { NextPolicy.Instance.Name, ClassicPolicy.Instance.Name, HpaPolicy.Instance.Name })
        {
            GC.Collect();
            var clock = Stopwatch.StartNew();
            // Loading is part of the replay: the file is read and parsed each time.
            var trace = TraceReader.Load(file, new Guv.Simulation.Traces.TraceOptions());
            var result = Simulator.Run(Scenario.BaseRole with { Policy = policy, PollInterval = 30 }, trace);
            clock.Stop();
            using var process = Process.GetCurrentProcess();
            results.Add((policy, result.Jobs, clock.Elapsed, process.PeakWorkingSet64));
        }

        return results;
    }
}
