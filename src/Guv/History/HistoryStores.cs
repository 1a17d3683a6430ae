namespace Guv.History;

/// <summary>Opens the store named by <c>--history-db</c>.</summary>
public static class HistoryStores
{
    /// <summary>The SQLite file used when <c>--history-db</c> is not given.</summary>
    public const string DefaultPath = "guv-history.db";

    /// <summary>The value that turns the stored history off (it is then kept in memory only).</summary>
    public const string Off = "off";

    /// <summary>
    /// A <c>postgres://</c> URL opens PostgreSQL, <c>off</c> keeps history in memory, anything else is a SQLite file
    /// (default <see cref="DefaultPath"/>).
    /// </summary>
    /// <exception cref="FormatException">A PostgreSQL URL cannot be used; the message never shows the password.</exception>
    public static IHistoryStore Open(string? spec) => spec switch
    {
        null or "" => new SqliteHistoryStore(DefaultPath),
        Off => new MemoryHistoryStore(),
        _ when PostgresUrl.Matches(spec) => new PostgresHistoryStore(spec),
        _ => new SqliteHistoryStore(spec),
    };
}
