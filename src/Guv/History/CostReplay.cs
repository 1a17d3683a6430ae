using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;

namespace Guv.History;

/// <summary>
/// Prices stored history: the worker-hours guv ran, and the worker-hours another config would have run on the same
/// queue lengths, replayed tick by tick through that config's policies (the same code the governor runs). The replay
/// keeps the recorded queue lengths: it cannot know how many jobs more or fewer workers would have left waiting.
/// </summary>
public static class CostReplay
{
    /// <summary>Computes the cost of every role in the records.</summary>
    /// <param name="records">Stored history, any order.</param>
    /// <param name="config">The config to replay, or null to price only what was recorded.</param>
    /// <param name="prices">Dollars per worker-hour by dyno size, over <see cref="DynoPrices.Defaults"/>.</param>
    public static IReadOnlyList<RoleCost> Compute(
        IEnumerable<HistoryRecord> records,
        GuvConfig? config,
        IReadOnlyDictionary<string, decimal>? prices = null)
    {
        var costs = new List<RoleCost>();
        foreach (var group in records.GroupBy(r => r.Role, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ticks = group.OrderBy(r => r.At).ToList();
            var spans = Spans(ticks);
            var recorded = ticks.Select((r, i) => (r.Applied ?? r.Desired ?? r.Workers ?? 0) * spans[i]).Sum();
            var role = config?.Find(group.Key);
            var replayed = role is null ? (double?)null : Replay(role, ticks, spans);
            var size = role?.DynoSize ?? "standard-1x";
            costs.Add(new RoleCost(group.Key, size, DynoPrices.For(size, prices), spans.Sum(), recorded, replayed));
        }

        return costs;
    }

    /// <summary>
    /// Hours each tick stands for: the time to the next tick, but no more than twice the usual spacing, so the time
    /// guv was stopped is not counted (nobody knows how many workers ran then).
    /// </summary>
    private static double[] Spans(List<HistoryRecord> ticks)
    {
        var gaps = ticks.Zip(ticks.Skip(1), (a, b) => (b.At - a.At).TotalHours).ToList();
        var usual = gaps.Count == 0 ? 0 : gaps.Order().ElementAt(gaps.Count / 2);
        return ticks.Select((_, i) => i < gaps.Count ? Math.Min(gaps[i], 2 * usual) : usual).ToArray();
    }

    private static double Replay(RoleOptions role, List<HistoryRecord> ticks, double[] spans)
    {
        var policy = PolicyCatalog.Find(role.Policy) ?? ClassicPolicy.Instance;
        var history = new RoleHistory();
        // The replay ticks at the recorded pace, so history windows cover the same time as they did live.
        var usual = spans.Order().ElementAt(spans.Length / 2) * 3600;
        var tickSeconds = usual > 0 ? usual : role.PollInterval;
        int? current = ticks[0].Workers;
        var hours = 0.0;
        for (var i = 0; i < ticks.Count; i++)
        {
            var r = ticks[i];
            if (r.Jobs is { } jobs)
            {
                var observation = new RoleObservation(r.At, jobs, r.Consumers, r.FillRate, r.DrainRate, current);
                var decision = policy.Decide(new PolicyInput(role, observation, history, tickSeconds));
                history.Add(new TickRecord(r.At, jobs, decision.Estimate, decision.Next ?? current));
                current = decision.Next ?? current;
            }

            hours += (current ?? 0) * spans[i];
        }

        return hours;
    }
}
