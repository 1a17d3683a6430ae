using Guv.Configuration;
using Guv.Platforms;
using Guv.Queues;
using Guv.Simulation;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Simulation;

/// <summary>
/// <c>guv simulate</c> and <c>guv run</c> must run the same policy code: a policy registered once in the catalog is
/// reached by the live governor and by the simulator alike, through the role's <c>policy</c> key, and both record
/// the tick in the role's history the same way.
/// </summary>
public class SamePolicyCodeTests
{
    [Fact]
    public async Task GovernorAndSimulator_ReachTheSameRegisteredPolicy_ThroughThePolicyKey()
    {
        var policy = ScriptedPolicy.Register(input => input.Observation.Jobs > 0 ? 2 : null);
        var role = new RoleOptions
        {
            Name = "worker", Worker = "worker", Queue = "worker", Broker = "amqp://guest:guest@127.0.0.1:20499",
            Policy = policy.Name, Minimum = 1, Maximum = 3,
        };
        var config = new GuvConfig(role with { Name = "*" }, [role], "test");

        var governor = new Guv.Governor.Governor(config, new FixedQueues(new QueueStats(7, 5, 2, 1, 0.5, 0.25)),
            new PlatformSet([new FixedPlatform(1)]), TimeProvider.System, NullLogger<Guv.Governor.Governor>.Instance);
        var tick = await governor.TickAsync(CancellationToken.None);
        var live = policy.Inputs.Single();

        var trace = new Guv.Simulation.Traces.TimestampTrace([0, 0, 0], [5, 5, 5]) { Name = "test", Length = 0 };
        Simulator.Run(role, trace, new SimulationOptions { TickSeconds = 30 });
        var simulated = policy.Inputs[1];

        Assert.Equal(2, tick.Roles[0].Decision!.Next);
        Assert.Equal(new[] { 7, 3 }, new[] { live.Observation.Jobs, simulated.Observation.Jobs });
        Assert.Equal(0.5, live.Observation.PublishRate);
        Assert.Equal(1, live.Observation.CurrentWorkers);
        Assert.Equal(1, simulated.Observation.CurrentWorkers);
        Assert.Same(role.Policy, simulated.Role.Policy);
        Assert.Equal(1, governor.HistoryOf("worker").Count);
        Assert.Equal(2, governor.HistoryOf("worker").Last!.Workers);
        Assert.Equal(0.5, governor.HistoryOf("worker").Last!.PublishRate);
    }

    private sealed class FixedQueues(QueueStats stats) : IQueueSource
    {
        public Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
            IReadOnlyCollection<QueueRef> queues,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<QueueRef, QueueReading>>(
                queues.ToDictionary(q => q, _ => QueueReading.Ok(stats)));
    }

    private sealed class FixedPlatform(int workers) : IWorkerPlatform
    {
        public string Name => PlatformNames.Heroku;

        public Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
            IReadOnlyList<RoleOptions> roles,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, PlatformResult>>(
                roles.ToDictionary(r => r.Name, _ => PlatformResult.Ok(workers)));

        public Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
            IReadOnlyList<ScaleRequest> requests,
            CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyDictionary<string, PlatformResult>>(
                requests.ToDictionary(r => r.Role.Name, r => PlatformResult.Ok(r.To)));

        public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) => [];

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
