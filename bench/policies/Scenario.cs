using Guv.Configuration;
using Guv.Simulation.Traces;

namespace Guv.Bench.Policies;

/// <summary>One benchmark case: a workload and the role settings it is replayed with.</summary>
/// <param name="Workload">A short name of the trace and its cut.</param>
/// <param name="Trace">The loaded trace.</param>
/// <param name="Role">The role, with the scenario's deadline and the policy still to be set.</param>
/// <param name="Tick">Seconds between governor ticks.</param>
internal sealed record Scenario(string Workload, Trace Trace, RoleOptions Role, double Tick)
{
    public string Name => $"{Workload}, poll {Tick:0} s, deadline {Role.Deadline:0} s";

    /// <summary>Every scenario of the issue: six workloads, two poll intervals, two deadlines.</summary>
    public static IEnumerable<Scenario> Suite(string traces)
    {
        var minute = Path.Combine(traces, "nasa_http_1995_requests_per_minute.csv");
        var second = Path.Combine(traces, "nasa_http_1995-07-13_requests_per_second.csv");
        var azure = Path.Combine(traces, "AzureLLMInferenceTrace_conv.csv");
        // The Azure trace's processing times come from its tokens (mean 10.0 s, stddev 6.5 s over the file); the
        // role states them as a user who measured them would.
        (string Name, Trace Trace, double Stddev)[] workloads =
        [
            ("NASA 07-13 per minute", TraceReader.Load(minute, new() { From = "1995-07-13", To = "1995-07-14" }), 5),
            ("NASA 07-10..16 per minute", TraceReader.Load(minute, new() { From = "1995-07-10", To = "1995-07-17" }), 5),
            ("NASA 07-13 08-12h per second", TraceReader.Load(second, new() { From = "08:00", To = "12:00" }), 5),
            ("Azure conversations", TraceReader.Load(azure, new()), 6.5),
            ("spike", TraceReader.Load("spike", new()), 5),
            ("on/off bursts", TraceReader.Load("onoff", new()), 5),
        ];
        foreach (var (name, trace, stddev) in workloads)
        {
            foreach (var tick in new[] { 30.0, 10.0 })
            {
                foreach (var deadline in new[] { 60.0, 300.0 })
                {
                    var role = BaseRole with { Deadline = deadline, PollInterval = tick, Stddev = stddev };
                    yield return new Scenario(name, trace, role, tick);
                }
            }
        }
    }

    /// <summary>The defaults (processing 10 s, stddev 5 s, 99%), a Heroku-like 50 s boot, room to scale.</summary>
    public static RoleOptions BaseRole { get; } = new()
    {
        Name = "worker",
        Worker = "worker",
        Queue = "worker",
        Processing = 10,
        Stddev = 5,
        Percentile = 99,
        Boot = 50,
        Minimum = 1,
        Maximum = 500,
    };
}
