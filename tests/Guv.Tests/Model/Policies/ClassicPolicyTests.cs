using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;

namespace Guv.Tests.Model.Policies;

public class ClassicPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // processing 10, deadline 60: each worker clears about 3.8 jobs, so jobs 4 -> 2 workers, 40 -> 11 (max 20).
    private static readonly RoleOptions Role = new()
    {
        Name = "worker", Worker = "worker", Queue = "worker", Minimum = 0, Maximum = 20, History = 120, PollInterval = 30,
    };

    private static ScalingDecision Decide(int jobs, int? current, RoleHistory history) =>
        ClassicPolicy.Instance.Decide(new PolicyInput(Role,
            new RoleObservation(Start, jobs, null, null, null, current), history, TickSeconds: 30));

    private static RoleHistory HistoryOf(params int[] estimates)
    {
        var history = new RoleHistory();
        for (var i = 0; i < estimates.Length; i++)
        {
            history.Add(new TickRecord(Start.AddSeconds(30 * i), 0, estimates[i], estimates[i]));
        }

        return history;
    }

    [Fact]
    public void Decide_UnknownCurrent_SetsEstimate()
    {
        var decision = Decide(40, null, new RoleHistory());
        Assert.Equal((11, 11, DecisionReason.Initial), (decision.Estimate, decision.Next, decision.Reason));
    }

    [Fact]
    public void ScaleUp_EstimateAboveCurrent_ActsAtOnce()
    {
        var decision = Decide(40, 2, HistoryOf(1, 1, 1, 1));
        Assert.Equal((11, DecisionReason.ScaleUp), (decision.Next, decision.Reason));
    }

    [Fact]
    public void Decide_EstimateEqualsCurrent_ChangesNothing()
    {
        var decision = Decide(40, 11, HistoryOf(11));
        Assert.Null(decision.Next);
        Assert.Equal(DecisionReason.Unchanged, decision.Reason);
    }

    [Fact]
    public void ScaleDown_WithinHistoryWindow_HoldsHighestEstimate()
    {
        // Current 11, estimate now 0, but an estimate of 11 was seen within the last 120 s: hold.
        var decision = Decide(0, 11, HistoryOf(11, 11, 5, 2));
        Assert.Null(decision.Next);
        Assert.Equal(DecisionReason.HeldByHistory, decision.Reason);
    }

    [Fact]
    public void ScaleDown_HistoryHighestBelowCurrent_StepsDownToIt()
    {
        var decision = Decide(0, 11, HistoryOf(11, 5, 3, 2, 1));
        // Window is floor(120 / 30) = 4 ticks: 5, 3, 2, 1; highest 5.
        Assert.Equal((5, DecisionReason.ScaleDownToHistory), (decision.Next, decision.Reason));
    }

    [Fact]
    public void ScaleDown_AfterHistoryWindow_GoesToEstimate()
    {
        var decision = Decide(0, 11, HistoryOf(11, 0, 0, 0, 0));
        Assert.Equal((0, DecisionReason.ScaleDown), (decision.Next, decision.Reason));
    }

    [Fact]
    public void ScaleDown_EmptyHistory_GoesToEstimate()
    {
        var decision = Decide(4, 11, new RoleHistory());
        Assert.Equal((2, DecisionReason.ScaleDown), (decision.Next, decision.Reason));
    }
}
