using Guv.Configuration;
using Guv.Simulation.Traces;

namespace Guv.Simulation;

/// <summary>
/// Replays a trace against one role and its policy, a discrete-event simulation: jobs arrive from the trace; a
/// worker bills from its request, takes jobs after <c>boot</c> seconds, runs <c>concurrency</c> jobs at once and,
/// when scaled down, stops after its current jobs; every tick the governor sees what RabbitMQ would report and asks
/// the policy through <see cref="Model.Policies.PolicyDriver"/>, the same path <c>guv run</c> takes. Pure: seeded
/// random numbers, simulated time, no I/O.
/// </summary>
public static class Simulator
{
    /// <summary>Simulates the role under its <c>policy</c>.</summary>
    /// <param name="role">The role; its processing, stddev, boot, concurrency, minimum and maximum shape the run.</param>
    /// <param name="trace">The arrivals.</param>
    /// <param name="options">Seed, tick, SLA and what to record.</param>
    public static SimulationResult Run(RoleOptions role, Trace trace, SimulationOptions? options = null)
    {
        options ??= new SimulationOptions();
        if (role.Maximum < 1 && role.Minimum < 1)
        {
            throw new ArgumentException($"role '{role.Name}': maximum must be at least 1 to simulate", nameof(role));
        }

        return new SimulationRun(role, trace, options).Run();
    }
}
