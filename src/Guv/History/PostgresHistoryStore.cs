using System.Data.Common;
using Npgsql;

namespace Guv.History;

/// <summary>History in PostgreSQL, for teams that run guv in several places or want it beside their data.</summary>
public sealed class PostgresHistoryStore : SqlHistoryStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly string _description;

    /// <summary>Connects with a <c>postgres://user:password@host:port/database?sslmode=...</c> URL.</summary>
    /// <exception cref="FormatException">The URL cannot be used; the message never shows the password.</exception>
    public PostgresHistoryStore(string url)
    {
        var builder = PostgresUrl.ToConnectionString(url);
        _description = $"PostgreSQL {builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        var local = builder.Host is { } host
            && (host.StartsWith('/') || host == "localhost" || (System.Net.IPAddress.TryParse(host, out var ip)
                && System.Net.IPAddress.IsLoopback(ip)));
        ServerUnverified = !local && builder.SslMode is not (SslMode.VerifyCA or SslMode.VerifyFull);
        _dataSource = NpgsqlDataSource.Create(builder);
    }

    /// <inheritdoc />
    public override string Description => _description;

    /// <summary>
    /// True when the server is on another machine and its certificate is not verified (sslmode other than
    /// verify-ca or verify-full; Npgsql's require encrypts without verifying), which guv warns about (issue #6).
    /// </summary>
    public bool ServerUnverified { get; }

    /// <inheritdoc />
    protected override async Task<DbConnection> OpenAsync(CancellationToken cancellationToken) =>
        await _dataSource.OpenConnectionAsync(cancellationToken);

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await _dataSource.DisposeAsync();
        await base.DisposeAsync();
    }
}
