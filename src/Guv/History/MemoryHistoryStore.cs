namespace Guv.History;

/// <summary>History kept in memory only (<c>--history-db off</c>): lost on restart, bounded in size.</summary>
public sealed class MemoryHistoryStore : IHistoryStore
{
    /// <summary>Records kept at most; the oldest go first.</summary>
    public const int Capacity = 100_000;

    private readonly List<HistoryRecord> _records = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public string Description => "memory (not kept across restarts)";

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            _records.AddRange(records);
            if (_records.Count > Capacity)
            {
                _records.RemoveRange(0, _records.Count - Capacity);
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<HistoryRecord>> ReadAsync(
        string? role,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            IReadOnlyList<HistoryRecord> found = _records
                .Where(r => r.At >= since && (role is null || r.Role == role))
                .ToList();
            return Task.FromResult(found);
        }
    }

    /// <inheritdoc />
    public Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.RemoveAll(r => r.At < before));
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
