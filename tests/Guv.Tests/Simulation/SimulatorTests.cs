using Guv.Configuration;
using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Tests.Simulation;

public class SimulatorTests
{
    private static readonly RoleOptions Role = new()
    {
        Name = "worker", Worker = "worker", Queue = "worker", Processing = 10, Stddev = 5, Deadline = 60, Boot = 50,
        Minimum = 1, Maximum = 1,
    };

    private static TimestampTrace Jobs(double[] times, double[] durations) =>
        new(times, durations) { Name = "test", Length = times.Length > 0 ? times[^1] : 0 };

    [Fact]
    public void OneWorker_FixedTimes_JobsQueueInOrder()
    {
        // Three 10 s jobs at 0, 1 and 2 s on one worker: done at 10, 20 and 30, so latencies 10, 19 and 28.
        var result = Simulator.Run(Role, Jobs([0, 1, 2], [10, 10, 10]), new SimulationOptions { Sla = 20 });

        Assert.Equal(3, result.Jobs);
        Assert.Equal(3, result.Finished);
        Assert.Equal((10 + 19 + 28) / 3.0, result.MeanLatency, 6);
        Assert.Equal(28, result.MaxLatency, 6);
        Assert.Equal(2 / 3.0, result.WithinDeadline, 6);
        Assert.Equal(30, result.WorkerSeconds, 6);
        Assert.Equal(0, result.BootSeconds, 6);
        Assert.Equal(1, result.Utilization, 6);
        Assert.Equal(0, result.Actions);
    }

    [Fact]
    public void MM1_LongSeededRun_MeanTimeInSystemWithinFivePercentOfTheory()
    {
        // M/M/1 with arrival rate 0.5/s and service rate 1/s: W = 1 / (mu - lambda) = 2 s.
        var trace = new PoissonExponentialTrace(0.5, 1.0, 400_000);
        var role = Role with { Processing = 1, Stddev = 1 };

        var result = Simulator.Run(role, trace, new SimulationOptions { Seed = 7, TickSeconds = 3600 });

        Assert.Equal(2.0, result.MeanLatency, 0.1);
        Assert.InRange(result.Utilization, 0.48, 0.52);
    }

    [Fact]
    public void ScaleUp_BillsTheBootAndTakesJobsOnlyAfterIt()
    {
        // No worker; one 10 s job at 0. The tick at 0 asks for a worker that boots for 50 s, runs the job from 50
        // to 60 and is billed from 0 to 60.
        var role = Role with { Minimum = 0, Maximum = 1 };

        var result = Simulator.Run(role, Jobs([0], [10]), new SimulationOptions { TickSeconds = 1000 });

        Assert.Equal(1, result.Actions);
        Assert.Equal(60, result.MaxLatency, 6);
        Assert.Equal(60, result.WorkerSeconds, 6);
        Assert.Equal(50, result.BootSeconds, 6);
        Assert.Equal(10 / 60.0, result.Utilization, 6);
    }

    [Fact]
    public void ScaleDown_LetsTheRunningJobFinish_ThenStopsBilling()
    {
        // Two workers each start a 20 s job at 0. At 5 s the role is scaled to one worker: the stopping worker
        // finishes its job (at 20) and leaves; a 5 s job arriving at 10 waits for the other worker (done at 25).
        var policy = ScriptedPolicy.Register(input => input.Observation.At >= DateTimeOffset.UnixEpoch.AddSeconds(5) ? 1 : null);
        var role = Role with { Minimum = 2, Maximum = 2, Policy = policy.Name };
        var trace = new TimestampTrace([0, 0, 10], [20, 20, 5])
        {
            Name = "test", Length = 10, Start = DateTimeOffset.UnixEpoch,
        };

        var result = Simulator.Run(role, trace, new SimulationOptions { TickSeconds = 5 });

        Assert.Equal(3, result.Finished);
        Assert.Equal(20, result.MaxLatency, 6);
        Assert.Equal((20 + 20 + 15) / 3.0, result.MeanLatency, 6);
        Assert.Equal(20 + 25, result.WorkerSeconds, 6);
        Assert.Equal(1, result.Actions);
    }

    [Fact]
    public void Run_SameSeed_SameResult_OtherSeed_OtherArrivals()
    {
        var trace = TraceReader.Load("poisson:rate=0.5,length=3600", new TraceOptions());
        var role = Role with { Maximum = 20, Policy = "next" };

        var first = Simulator.Run(role, trace, new SimulationOptions { Seed = 3 });
        var again = Simulator.Run(role, trace, new SimulationOptions { Seed = 3 });
        var other = Simulator.Run(role, trace, new SimulationOptions { Seed = 4 });

        Assert.Equal(first with { Timeline = [] }, again with { Timeline = [] });
        Assert.NotEqual(first.Jobs, other.Jobs);
    }

    [Fact]
    public void Observation_MessagesAreWaitingPlusInService_RatesOverTheLastTick()
    {
        // One worker, four 100 s jobs at 1..4 s: at the tick at 10 s one is in service and three wait, so
        // RabbitMQ would report messages = 4; 4 arrivals and no acks over the 10 s since the previous tick.
        var policy = ScriptedPolicy.Register(_ => null);
        var role = Role with { Policy = policy.Name };

        Simulator.Run(role, Jobs([1, 2, 3, 4], [100, 100, 100, 100]), new SimulationOptions { TickSeconds = 10 });

        var first = policy.Inputs[0].Observation;
        var second = policy.Inputs[1].Observation;
        Assert.Null(first.PublishRate);
        Assert.Equal(4, second.Jobs);
        Assert.Equal(1, second.Consumers);
        Assert.Equal(1, second.CurrentWorkers);
        Assert.Equal(0.4, second.PublishRate);
        Assert.Equal(0, second.AckRate);
    }

    [Fact]
    public void Timeline_RecordsOneSamplePerTick()
    {
        var trace = TraceReader.Load("poisson:rate=1,length=600", new TraceOptions());

        var result = Simulator.Run(Role with { Maximum = 10 }, trace, new SimulationOptions { RecordTimeline = true });

        Assert.InRange(result.Timeline.Count, 20, 22);
        Assert.Equal(result.Jobs, result.Timeline.Sum(s => (long)s.Arrivals));
    }
}
