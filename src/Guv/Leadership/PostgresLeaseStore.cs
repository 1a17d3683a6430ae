using Guv.History;
using Npgsql;

namespace Guv.Leadership;

/// <summary>
/// The leader lease in PostgreSQL: one row per lease name in <c>guv_leases</c>, taken and renewed by a single
/// atomic <c>INSERT ... ON CONFLICT ... WHERE</c> that only succeeds when the row is expired or already ours,
/// with expiry times from the server's <c>now()</c>.
/// </summary>
public sealed class PostgresLeaseStore : ILeaseStore
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS guv_leases (
            name text PRIMARY KEY,
            holder text NOT NULL,
            expires_at timestamptz NOT NULL)
        """;

    // The CTE's SELECT sees the table as it was before the INSERT, so when the attempt changed nothing the second
    // branch names the holder that kept the lease.
    private const string Acquire = """
        WITH attempt AS (
            INSERT INTO guv_leases (name, holder, expires_at)
            VALUES (@name, @holder, now() + make_interval(secs => @seconds))
            ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
            WHERE guv_leases.holder = EXCLUDED.holder OR guv_leases.expires_at < now()
            RETURNING holder)
        SELECT holder FROM attempt
        UNION ALL
        SELECT holder FROM guv_leases WHERE name = @name AND NOT EXISTS (SELECT 1 FROM attempt)
        """;

    private readonly NpgsqlDataSource _dataSource;

    /// <summary>Connects with the same <c>postgres://</c> URL as the history store.</summary>
    /// <exception cref="FormatException">The URL cannot be used; the message never shows the password.</exception>
    public PostgresLeaseStore(string url)
    {
        var builder = PostgresUrl.ToConnectionString(url);
        Description = $"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public string Description { get; }

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Two instances starting together would race in CREATE TABLE IF NOT EXISTS (a unique violation in the
        // catalog); a transaction-scoped advisory lock makes the second wait for the first.
        await using (var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('guv_leases'))",
                         connection, transaction))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var create = new NpgsqlCommand(Schema, connection, transaction))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string?> TryAcquireAsync(
        string name,
        string holder,
        TimeSpan duration,
        CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(Acquire);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        command.Parameters.AddWithValue("seconds", duration.TotalSeconds);
        var result = await command.ExecuteScalarAsync(cancellationToken);
        return result as string;
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "DELETE FROM guv_leases WHERE name = @name AND holder = @holder");
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("holder", holder);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();
}
