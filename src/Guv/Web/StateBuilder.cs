using System.Globalization;
using Guv.Configuration;
using Guv.Governor;
using Guv.History;

namespace Guv.Web;

/// <summary>Builds <c>/api/state</c> and the <c>/healthz</c> verdict from the governor's last tick.</summary>
public static class StateBuilder
{
    /// <summary>The state for <c>/api/state</c>.</summary>
    public static GuvState Build(TickReport? tick, GuvConfig config, bool dryRun, DateTimeOffset now)
    {
        var (healthy, health) = Health(tick, config.PollInterval, now);
        var records = tick is null ? [] : HistoryRecord.FromTick(tick, config);
        var roles = config.Roles.Select(options => new RoleState(options.Name, options.Platform, options.Queue,
            records.FirstOrDefault(r => r.Role == options.Name)
            ?? new HistoryRecord(tick?.At ?? now, options.Name, null, null, null, null, null, null, null, null,
                options.Minimum, options.Maximum, options.Deadline, null, null, null)))
            .ToList();
        return new GuvState(tick?.At, tick?.Duration.TotalSeconds, config.PollInterval, healthy, health, dryRun, roles);
    }

    /// <summary>
    /// Healthy while the last tick read at least one role and is recent (within three poll intervals, at least a
    /// minute): a governor that reads nothing, or has stopped ticking, is not doing its job.
    /// </summary>
    public static (bool Healthy, string Why) Health(TickReport? tick, double pollInterval, DateTimeOffset now)
    {
        if (tick is null)
        {
            return (false, "no tick yet");
        }

        var age = now - tick.At;
        var limit = TimeSpan.FromSeconds(Math.Max(60, 3 * pollInterval));
        if (age > limit)
        {
            return (false, string.Create(CultureInfo.InvariantCulture,
                $"the last tick was {age.TotalSeconds:0} s ago (more than {limit.TotalSeconds:0} s)"));
        }

        var read = tick.Roles.Count(r => r.Stats is not null);
        return read > 0
            ? (true, $"the last tick read {read} of {tick.Roles.Count} roles")
            : (false, $"the last tick read none of {tick.Roles.Count} roles");
    }

    /// <summary><c>leader</c> or <c>standby</c> under a leader lease; null without one.</summary>
    public static string? Leadership(Leadership.LeaderLease? lease) => lease switch
    {
        null => null,
        { IsLeader: true } => "leader",
        _ => "standby",
    };
}
