namespace Guv.Platforms.Heroku;

/// <summary>How the Heroku platform talks to the Platform API.</summary>
public sealed record HerokuPlatformOptions
{
    /// <summary>Timeouts and waits for answers that may pass: 5xx, timeouts, resets.</summary>
    public RetryOptions Retry { get; init; } = new();

    /// <summary>
    /// Requests left in the account's budget (the <c>RateLimit-Remaining</c> header) at or below which guv stops
    /// sending changes for <see cref="RateLimitPause"/>, keeping the rest for people using the CLI. Default 25.
    /// </summary>
    public int RateLimitReserve { get; init; } = 25;

    /// <summary>
    /// How long guv sends nothing after a 429 or a nearly spent budget. Heroku refills an account's budget by about
    /// 75 requests a minute (Platform API reference, "Rate Limits"). Default 60 s.
    /// </summary>
    public TimeSpan RateLimitPause { get; init; } = TimeSpan.FromSeconds(60);
}
