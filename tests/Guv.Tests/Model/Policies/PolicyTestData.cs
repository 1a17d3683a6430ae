using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;

namespace Guv.Tests.Model.Policies;

/// <summary>Roles and inputs for policy tests: guv's defaults, a Heroku-like boot, room to scale.</summary>
internal static class PolicyTestData
{
    public static readonly DateTimeOffset Now = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly RoleOptions Role = new()
    {
        Name = "worker", Worker = "worker", Queue = "worker", Processing = 10, Stddev = 5, Deadline = 60, Boot = 50,
        Minimum = 1, Maximum = 200,
    };

    public static PolicyInput Input(
        RoleOptions role,
        int jobs,
        int? workers,
        double? rate = null,
        int? consumers = null,
        RoleHistory? history = null,
        double tick = 30) =>
        new(role, new RoleObservation(Now, jobs, consumers ?? workers, rate, rate, workers), history ?? new RoleHistory(), tick);

    public static RoleHistory HistoryOf(params (double SecondsAgo, int Estimate, double? Rate)[] ticks)
    {
        var history = new RoleHistory();
        foreach (var (ago, estimate, rate) in ticks.OrderByDescending(t => t.SecondsAgo))
        {
            history.Add(new TickRecord(Now.AddSeconds(-ago), 0, estimate, estimate, rate));
        }

        return history;
    }
}
