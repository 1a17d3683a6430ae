using Guv.Model;
using Guv.Model.Policies;
using static Guv.Tests.Model.Policies.PolicyTestData;

namespace Guv.Tests.Model.Policies;

public class NextPolicyTests
{
    [Fact]
    public void SteadyArrivals_EmptyQueue_KeepsCapacityForTheRate()
    {
        // 3 jobs/s of 10 s each keep 30 workers busy on average; classic, seeing an empty queue, asks for its minimum.
        var input = Input(Role, 0, 32, rate: 3.0);

        var next = NextPolicy.Instance.Decide(input);
        var classic = ClassicPolicy.Instance.Decide(input);

        Assert.Equal(1, classic.Estimate);
        Assert.InRange(next.Estimate, 31, 40);
    }

    [Fact]
    public void SteadyArrivals_OneWorker_AlsoAsksForTheBacklogTheBootWillLeave()
    {
        // One worker and 3 jobs/s: about 150 jobs pile up during a 50 s boot, beyond the 30 workers the rate needs.
        var decision = NextPolicy.Instance.Decide(Input(Role, 0, 1, rate: 3.0));

        Assert.InRange(decision.Estimate, 55, 70);
    }

    [Fact]
    public void SteadyState_MatchesErlangCForTheDeadline()
    {
        // With a steady rate, the estimate is the fewest servers for which the queueing model's miss probability is
        // at most 1%.
        var history = HistoryOf((20, 0, 2.0), (10, 0, 2.0));
        var input = Input(Role with { Stddev = 0.001 }, 20, 25, rate: 2.0, history: history, tick: 10);

        var estimate = NextPolicy.Instance.Decide(input).Estimate;

        var expected = QueueingModel.ServersFor(2.0, 10, 0.001, 60, 0.01, 200);
        Assert.Equal(expected, estimate);
    }

    [Fact]
    public void Backlog_WorkersAlreadyBooting_AreCountedAsComingCapacity()
    {
        var none = NextPolicy.Instance.Decide(Input(Role, 300, 10, rate: 1.0, consumers: 10));
        var booting = NextPolicy.Instance.Decide(Input(Role, 300, 30, rate: 1.0, consumers: 10));

        Assert.True(booting.Estimate < none.Estimate, $"{booting.Estimate} with 20 booting vs {none.Estimate} without");
    }

    [Fact]
    public void Backlog_DrainsWithinTheAffordableWait()
    {
        // 500 waiting, nothing arriving, nothing running: 500 jobs of 10 s within 60 - 10 = 50 s need 100 slots.
        var decision = NextPolicy.Instance.Decide(Input(Role, 500, 0, rate: 0.0, consumers: 0));

        Assert.InRange(decision.Estimate, 100, 110);
    }

    [Fact]
    public void NeverMoreWorkersThanJobsToWorkOn()
    {
        // Draining 3 jobs within 1 s (deadline 11 s, 10 s jobs, 1 s ticks) would take 30 slots; only 3 can work.
        var role = Role with { Minimum = 0, Deadline = 11, Stddev = 0.001 };
        var decision = NextPolicy.Instance.Decide(Input(role, 3, 0, rate: 0.0, tick: 1));

        Assert.Equal(3, decision.Estimate);
    }

    [Fact]
    public void ScaleDown_HeldForOneBootTime_ThenFollowsTheEstimate()
    {
        var recent = HistoryOf((40, 12, 0.0));
        var old = HistoryOf((60, 12, 0.0));

        var held = NextPolicy.Instance.Decide(Input(Role, 0, 14, rate: 0.0, history: recent));
        var released = NextPolicy.Instance.Decide(Input(Role, 0, 14, rate: 0.0, history: old));

        Assert.Equal(12, held.Next);
        Assert.Equal(1, released.Next);
    }

    [Fact]
    public void RiseBeyondNoise_PlansForTheNewRateAtOnce()
    {
        // 1 job/s until now, 5 jobs/s this tick: averaging would plan for 3/s; 120 more jobs in a 30 s tick than the
        // average explains is far beyond a Poisson count's noise, so next plans as if 5/s had been steady.
        var rising = NextPolicy.Instance.Decide(Input(Role, 0, 10, rate: 5.0, history: HistoryOf((30, 10, 1.0))));
        var steady = NextPolicy.Instance.Decide(Input(Role, 0, 10, rate: 5.0, history: HistoryOf((30, 10, 5.0))));

        Assert.Equal(steady.Estimate, rising.Estimate);
        Assert.Contains("rose beyond noise", rising.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void RiseWithinNoise_PlansForTheAverage()
    {
        // 2.0 then 2.3 jobs/s: 9 more jobs in a 30 s tick is within noise, so next plans for the average, 2.15/s.
        var input = Input(Role, 0, 25, rate: 2.3, history: HistoryOf((30, 25, 2.0)));

        var decision = NextPolicy.Instance.Decide(input);

        Assert.Equal(NextPolicy.Estimate(Role, input.Observation, 30, 2.15, out _), decision.Estimate);
        Assert.DoesNotContain("rose beyond noise", decision.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_ClampedToMaximum()
    {
        var decision = NextPolicy.Instance.Decide(Input(Role with { Maximum = 5 }, 1000, 1, rate: 10.0));

        Assert.Equal(5, decision.Next);
    }
}
