using Guv.Leadership;

namespace Guv.Tests.Leadership;

/// <summary>
/// The lease rules of <see cref="PostgresLeaseStore"/> in memory, on the test's clock (standing in for the
/// database's), with hooks to make it fail or answer late.
/// </summary>
internal sealed class MemoryLeaseStore(SteppingClock clock) : ILeaseStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (string Holder, DateTimeOffset Expires)> _rows = new(StringComparer.Ordinal);

    /// <summary>Thrown by the next calls instead of answering, while set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Called before answering, with the call's token: a test may move the clock or wait here.</summary>
    public Func<CancellationToken, Task>? BeforeAnswer { get; set; }

    public string Description => "the test's lease store";

    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task<string?> TryAcquireAsync(
        string name,
        string holder,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        if (BeforeAnswer is { } before)
        {
            await before(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            if (!_rows.TryGetValue(name, out var row) || row.Holder == holder || row.Expires < now)
            {
                _rows[name] = (holder, now + duration);
                return holder;
            }

            return row.Holder;
        }
    }

    public Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_rows.TryGetValue(name, out var row) && row.Holder == holder)
            {
                _rows.Remove(name);
            }
        }

        return Task.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
