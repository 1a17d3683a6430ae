using System.Collections.Concurrent;
using System.Net;

namespace Guv.Platforms.Heroku;

/// <summary>
/// Keeps guv inside each Heroku account's request budget: after a 429, or when <c>RateLimit-Remaining</c> falls to the
/// reserve, the account gets no requests for a pause. Kept per API key, since the budget is per account.
/// </summary>
internal sealed class HerokuRateLimit(TimeProvider time, HerokuPlatformOptions options)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _pausedUntil = new(StringComparer.Ordinal);

    /// <summary>When the pause of an account ends, or null when requests may be sent.</summary>
    public DateTimeOffset? PausedUntil(HerokuApp app) =>
        _pausedUntil.TryGetValue(app.ApiKey, out var until) && time.GetUtcNow() < until ? until : null;

    /// <summary>Notes an answer; returns the end of a pause that it starts, or null.</summary>
    public DateTimeOffset? Observe(HerokuApp app, HerokuAnswer answer)
    {
        if (answer.Status != HttpStatusCode.TooManyRequests
            && !(answer.RateLimitRemaining is { } remaining && remaining <= options.RateLimitReserve))
        {
            return null;
        }

        var until = time.GetUtcNow() + options.RateLimitPause;
        _pausedUntil[app.ApiKey] = until;
        return until;
    }
}
