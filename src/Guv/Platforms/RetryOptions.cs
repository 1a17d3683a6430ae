namespace Guv.Platforms;

/// <summary>How a platform retries a call that failed in a way that may pass: a 5xx answer, a timeout, a reset.</summary>
public sealed record RetryOptions
{
    /// <summary>How long one attempt may wait for its answer. Default 10 s.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Wait before the second attempt; it doubles for each further one. Default 1 s.</summary>
    public TimeSpan FirstDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between two attempts. Default 8 s.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(8);

    /// <summary>
    /// Most attempts of one call in one tick, so a failing API does not eat the request budget; the tick's time budget
    /// ends the attempts sooner when it runs out. Default 5.
    /// </summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The wait after a failed attempt (1 for the first).</summary>
    public TimeSpan DelayAfter(int attempt)
    {
        var factor = Math.Pow(2, Math.Min(attempt - 1, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(FirstDelay.Ticks * factor, MaxDelay.Ticks));
        return delay;
    }
}
