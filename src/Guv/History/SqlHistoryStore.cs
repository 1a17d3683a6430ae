using System.Data.Common;

namespace Guv.History;

/// <summary>
/// The SQL both stores share: one table, <c>guv_history</c>, one row per role and tick, times as Unix
/// milliseconds. The column types are written so SQLite and PostgreSQL read the same statement.
/// </summary>
public abstract class SqlHistoryStore : IHistoryStore
{
    private const string Columns =
        "at_ms, role, jobs, consumers, fill_rate, drain_rate, workers, estimate, desired, applied, "
        + "minimum, maximum, deadline, reason, explanation, error";

    private static readonly string[] Schema =
    [
        """
        CREATE TABLE IF NOT EXISTS guv_history (
            at_ms bigint NOT NULL,
            role text NOT NULL,
            jobs integer,
            consumers integer,
            fill_rate double precision,
            drain_rate double precision,
            workers integer,
            estimate integer,
            desired integer,
            applied integer,
            minimum integer NOT NULL,
            maximum integer NOT NULL,
            deadline double precision NOT NULL,
            reason text,
            explanation text,
            error text)
        """,
        "CREATE INDEX IF NOT EXISTS guv_history_role_at ON guv_history (role, at_ms)",
        "CREATE INDEX IF NOT EXISTS guv_history_at ON guv_history (at_ms)",
    ];

    /// <inheritdoc />
    public abstract string Description { get; }

    /// <summary>Opens a connection (from the provider's pool).</summary>
    protected abstract Task<DbConnection> OpenAsync(CancellationToken cancellationToken);

    /// <summary>Statements to run on a new connection before the schema, such as SQLite's journal mode.</summary>
    protected virtual IEnumerable<string> Preamble => [];

    /// <inheritdoc />
    public async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var sql in Preamble.Concat(Schema))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task AppendAsync(IReadOnlyList<HistoryRecord> records, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var r in records)
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"INSERT INTO guv_history ({Columns}) VALUES "
                + "(@at, @role, @jobs, @consumers, @fill, @drain, @workers, @estimate, @desired, @applied, "
                + "@minimum, @maximum, @deadline, @reason, @explanation, @error)";
            Add(command, "at", r.At.ToUnixTimeMilliseconds());
            Add(command, "role", r.Role);
            Add(command, "jobs", r.Jobs);
            Add(command, "consumers", r.Consumers);
            Add(command, "fill", r.FillRate);
            Add(command, "drain", r.DrainRate);
            Add(command, "workers", r.Workers);
            Add(command, "estimate", r.Estimate);
            Add(command, "desired", r.Desired);
            Add(command, "applied", r.Applied);
            Add(command, "minimum", r.Minimum);
            Add(command, "maximum", r.Maximum);
            Add(command, "deadline", r.Deadline);
            Add(command, "reason", r.Reason);
            Add(command, "explanation", r.Explanation);
            Add(command, "error", r.Error);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<HistoryRecord>> ReadAsync(
        string? role,
        DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {Columns} FROM guv_history WHERE at_ms >= @since"
            + (role is null ? "" : " AND role = @role")
            + " ORDER BY at_ms, role";
        Add(command, "since", since.ToUnixTimeMilliseconds());
        if (role is not null)
        {
            Add(command, "role", role);
        }

        var records = new List<HistoryRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            records.Add(new HistoryRecord(
                DateTimeOffset.FromUnixTimeMilliseconds(reader.GetInt64(0)),
                reader.GetString(1),
                Int(reader, 2),
                Int(reader, 3),
                Real(reader, 4),
                Real(reader, 5),
                Int(reader, 6),
                Int(reader, 7),
                Int(reader, 8),
                Int(reader, 9),
                reader.GetInt32(10),
                reader.GetInt32(11),
                reader.GetDouble(12),
                Text(reader, 13),
                Text(reader, 14),
                Text(reader, 15)));
        }

        return records;
    }

    /// <inheritdoc />
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM guv_history WHERE at_ms < @before";
        Add(command, "before", before.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    private static int? Int(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    private static double? Real(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
