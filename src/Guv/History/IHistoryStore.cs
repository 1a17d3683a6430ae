namespace Guv.History;

/// <summary>
/// Where every tick's per-role state is kept: a SQLite file by default, PostgreSQL for teams, or memory when
/// history is turned off. Implementations are safe to call from one writer and several readers at once.
/// </summary>
public interface IHistoryStore : IAsyncDisposable
{
    /// <summary>Where the history lives, for messages; never shows a password.</summary>
    string Description { get; }

    /// <summary>Creates the table when it does not exist yet.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Stores the records of one tick.</summary>
    Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken);

    /// <summary>Reads records from <paramref name="since"/> on, oldest first, of one role or of all (null).</summary>
    Task<IReadOnlyList<HistoryRecord>> ReadAsync(string? role, DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes records older than <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
