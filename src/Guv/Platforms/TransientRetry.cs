namespace Guv.Platforms;

/// <summary>
/// Runs a platform call again while it fails in a way that may pass, with growing waits, within the tick's time
/// budget. The calls retried here set absolute counts (a formation PATCH, a scale PATCH), so repeating one is safe.
/// </summary>
internal static class TransientRetry
{
    /// <summary>Runs <paramref name="call"/> until it gives an answer that is not transient or the attempts run out.</summary>
    /// <param name="call">One attempt; its token fires at the attempt's timeout or the end of the budget.</param>
    /// <param name="transient">Why an answer is worth another attempt (a 5xx status), or null when it is final.</param>
    /// <param name="options">Timeouts and waits.</param>
    /// <param name="time">The clock for waits and timeouts.</param>
    /// <param name="budget">Fires when the tick's time budget is spent.</param>
    public static async Task<Attempted<T>> RunAsync<T>(
        Func<CancellationToken, Task<T>> call,
        Func<T, string?> transient,
        RetryOptions options,
        TimeProvider time,
        CancellationToken budget)
        where T : class
    {
        string? last = null;
        for (var attempt = 1; ; attempt++)
        {
            using (var timeout = new CancellationTokenSource(options.AttemptTimeout, time))
            using (var linked = CancellationTokenSource.CreateLinkedTokenSource(budget, timeout.Token))
            {
                try
                {
                    var answer = await call(linked.Token);
                    last = transient(answer);
                    if (last is null)
                    {
                        return new Attempted<T>(answer, null, attempt);
                    }
                }
                catch (OperationCanceledException) when (budget.IsCancellationRequested)
                {
                    return new Attempted<T>(null, last ?? "no answer within the tick's time budget", attempt);
                }
                catch (OperationCanceledException)
                {
                    last = $"no answer within {options.AttemptTimeout.TotalSeconds:0.#} s";
                }
                catch (HttpRequestException e)
                {
                    last = Security.TlsFailure.Message(e, null);
                }
            }

            if (attempt >= options.MaxAttempts)
            {
                return new Attempted<T>(null, last, attempt);
            }

            try
            {
                await Task.Delay(options.DelayAfter(attempt), time, budget);
            }
            catch (OperationCanceledException)
            {
                return new Attempted<T>(null, last, attempt);
            }
        }
    }
}
