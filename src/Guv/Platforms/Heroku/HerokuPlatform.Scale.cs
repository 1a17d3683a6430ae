using System.Net;
using Guv.Configuration;

namespace Guv.Platforms.Heroku;

/// <summary>Scaling one app: one batch PATCH, and what to do when Heroku refuses it.</summary>
public sealed partial class HerokuPlatform
{
    private async Task<Dictionary<string, PlatformResult>> ScaleAppAsync(
        HerokuApp app,
        List<ScaleRequest> requests,
        CancellationToken budget)
    {
        var results = new Dictionary<string, PlatformResult>(StringComparer.Ordinal);
        if (_rateLimit.PausedUntil(app) is { } until)
        {
            // The decisions are not lost: the governor decides again every tick and sends them once the pause ends.
            return requests.ToDictionary(r => r.Role.Name, _ => PlatformResult.Failed(HerokuMessages.RateLimited(app, until)));
        }

        var pending = requests;
        var retried = false;
        while (true)
        {
            var updates = Updates(app, pending);
            foreach (var unchanged in pending.Where(r => updates.All(u => u.Role.Name != r.Role.Name)))
            {
                results[unchanged.Role.Name] = PlatformResult.Ok(unchanged.From ?? 0);
            }

            if (updates.Count == 0)
            {
                return results;
            }

            var attempted = await SendAsync(app, HttpMethod.Patch, HerokuJson.BatchBody(updates), budget);
            if (attempted.Answer is not { } answer)
            {
                return Fail(results, updates, HerokuMessages.NoAnswer(app, attempted));
            }

            if (answer.Status == HttpStatusCode.OK)
            {
                return Applied(app, results, updates, answer);
            }

            var error = HerokuJson.ParseError(answer.Body);
            if (!retried && answer.Status == HttpStatusCode.UnprocessableEntity && error.Id == HerokuError.AboveLimit
                && error.Limit is { } limit && LearnLimit(app, updates, limit, error.Size))
            {
                retried = true;
                continue;
            }

            if (!retried && answer.Status == HttpStatusCode.NotFound)
            {
                // One PATCH names every process type of the app, so find out which one Heroku does not know.
                var missing = await MissingTypesAsync(app, updates, results, budget);
                if (missing.Count > 0 && missing.Count < updates.Count)
                {
                    pending = pending.Where(r => !missing.Contains(r.Role.Worker)).ToList();
                    retried = true;
                    continue;
                }

                return Fail(results, updates.Where(u => !missing.Contains(u.Type)), HerokuMessages.For(app, answer, error));
            }

            return Fail(results, updates, HerokuMessages.For(app, answer, error));
        }
    }

    /// <summary>The updates to send: each wanted count clamped to a known limit, without those that change nothing.</summary>
    private List<HerokuUpdate> Updates(HerokuApp app, List<ScaleRequest> requests) =>
        requests
            .Select(r => new HerokuUpdate(r.Role,
                _limits.TryGetValue((app, r.Role.Worker), out var known) ? Math.Min(r.To, known.Limit) : r.To))
            .Where(u => requests.First(r => r.Role.Name == u.Role.Name).From != u.Quantity)
            .ToList();

    private Dictionary<string, PlatformResult> Applied(
        HerokuApp app,
        Dictionary<string, PlatformResult> results,
        List<HerokuUpdate> updates,
        HerokuAnswer answer)
    {
        Dictionary<string, HerokuProcess> processes;
        try
        {
            processes = HerokuJson.ParseFormation(answer.Body);
        }
        catch (FormatException)
        {
            processes = [];
        }

        foreach (var update in updates)
        {
            var count = processes.TryGetValue(update.Type, out var process) ? process.Quantity : update.Quantity;
            _known[(app, update.Type)] = count;
            results[update.Role.Name] = PlatformResult.Ok(count);
        }

        return results;
    }

    /// <summary>
    /// Remembers a limit from <c>422 cannot_run_above_limit</c> for the process types asked above it (those of the
    /// reported size when that tells them apart); returns false when no update is above it, so a retry would not help.
    /// </summary>
    private bool LearnLimit(HerokuApp app, List<HerokuUpdate> updates, int limit, string? size)
    {
        var above = updates.Where(u => u.Quantity > limit).ToList();
        var ofSize = above
            .Where(u => size is not null && string.Equals(u.Size, size, StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var update in ofSize.Count > 0 ? ofSize : above)
        {
            _limits[(app, update.Type)] = new HerokuLimit(limit, size);
            LogLimitReached(_log, update.Role.Name, limit, size ?? "", update.Type, app.Name, update.Quantity);
        }

        return above.Count > 0;
    }

    /// <summary>Reads the formation after a 404 and fails the roles whose process type is not in it.</summary>
    private async Task<HashSet<string>> MissingTypesAsync(
        HerokuApp app,
        List<HerokuUpdate> updates,
        Dictionary<string, PlatformResult> results,
        CancellationToken budget)
    {
        var formation = await ReadFormationAsync(app, budget);
        if (formation.Processes is not { } processes)
        {
            // The app itself is gone or unreadable: every role of it fails with that reason.
            var error = formation.AppMissing ? HerokuMessages.AppNotFound(app) : formation.Error!;
            Fail(results, updates, error);
            return updates.Select(u => u.Type).ToHashSet(StringComparer.Ordinal);
        }

        var missing = updates.Where(u => !processes.ContainsKey(u.Type)).ToList();
        foreach (var update in missing)
        {
            results[update.Role.Name] = PlatformResult.Failed(HerokuMessages.NoProcessType(app, update.Type, update.Role.Name));
        }

        return missing.Select(u => u.Type).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Warns, every tick, about roles whose maximum is above a limit Heroku reported, until it is lowered.</summary>
    private void WarnAboutLimits(HerokuApp app, List<RoleOptions> roles)
    {
        foreach (var role in roles)
        {
            if (!_limits.TryGetValue((app, role.Worker), out var known))
            {
                continue;
            }

            if (role.Maximum <= known.Limit)
            {
                _limits.TryRemove((app, role.Worker), out _);
                continue;
            }

            LogAboveLimit(_log, role.Name, role.Maximum, known.Limit, known.Size ?? "", role.Worker, app.Name);
        }
    }

    private static Dictionary<string, PlatformResult> Fail(
        Dictionary<string, PlatformResult> results,
        IEnumerable<HerokuUpdate> updates,
        string error)
    {
        foreach (var update in updates)
        {
            results[update.Role.Name] = PlatformResult.Failed(error);
        }

        return results;
    }
}
