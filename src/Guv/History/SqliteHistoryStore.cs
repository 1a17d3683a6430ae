using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Guv.History;

/// <summary>History in a SQLite file: guv's default, nothing to set up.</summary>
/// <param name="path">The database file; created with its folder when missing.</param>
public sealed class SqliteHistoryStore(string path) : SqlHistoryStore
{
    private readonly string _connectionString = new SqliteConnectionStringBuilder
    {
        DataSource = Path.GetFullPath(path),
        Mode = SqliteOpenMode.ReadWriteCreate,
        Pooling = true,
        DefaultTimeout = 10,
    }.ToString();

    /// <inheritdoc />
    public override string Description => $"SQLite file {Path.GetFullPath(path)}";

    /// <inheritdoc />
    // WAL lets the dashboard read while the governor writes; NORMAL sync is safe with WAL and much faster.
    protected override IEnumerable<string> Preamble => ["PRAGMA journal_mode=WAL", "PRAGMA synchronous=NORMAL"];

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <inheritdoc />
    public override ValueTask DisposeAsync()
    {
        // Pooled connections keep the file open; release them so the file can be moved or deleted after a run.
        SqliteConnection.ClearAllPools();
        return base.DisposeAsync();
    }
}
