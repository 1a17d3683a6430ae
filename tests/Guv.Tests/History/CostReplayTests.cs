using Guv.Configuration;
using Guv.History;

namespace Guv.Tests.History;

public class CostReplayTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Recorded_CountsWorkersOverTime()
    {
        // 4 workers for an hour: ticks every 15 min, the last standing for one more spacing.
        var records = Ticks(4, jobs: 100, workers: 4);

        var cost = Assert.Single(CostReplay.Compute(records, null));

        Assert.Equal(4 * 1.0, cost.RecordedWorkerHours, 6);
        Assert.Equal(0.035m * 4, cost.RecordedDollars);
        Assert.Null(cost.ReplayedWorkerHours);
    }

    [Fact]
    public void Recorded_GapWhileGuvWasStopped_IsNotCounted()
    {
        var records = Ticks(3, jobs: 0, workers: 2).Append(Tick(T0.AddHours(10), 0, 2)).ToList();

        var cost = Assert.Single(CostReplay.Compute(records, null));

        // Three 15-minute spans, the gap capped at 30 minutes, the last tick's 15 minutes: 1.25 h at 2 workers.
        Assert.Equal(2.5, cost.RecordedWorkerHours, 6);
    }

    [Fact]
    public void Replay_WithALowerMaximum_CostsLess()
    {
        var records = Ticks(4, jobs: 100, workers: 10);
        var cheaper = new ConfigLoader(_ => null).Load(
            "resize: {processing: 10, deadline: 60, max: 5, dynosize: standard-2x}", "cheaper.guv.yaml");

        var cost = Assert.Single(CostReplay.Compute(records, cheaper, new Dictionary<string, decimal> { ["standard-2x"] = 0.1m }));

        Assert.Equal(10.0, cost.RecordedWorkerHours, 6);
        Assert.Equal(5.0, cost.ReplayedWorkerHours!.Value, 6);
        Assert.Equal(0.5m, cost.ReplayedDollars);
    }

    private static List<HistoryRecord> Ticks(int count, int jobs, int workers) =>
        Enumerable.Range(0, count).Select(i => Tick(T0.AddMinutes(15 * i), jobs, workers)).ToList();

    private static HistoryRecord Tick(DateTimeOffset at, int jobs, int workers) =>
        new(at, "resize", jobs, null, null, null, workers, workers, workers, workers, 1, 10, 60, "Unchanged", null, null);
}
