using Npgsql;

namespace Guv.History;

/// <summary>Turns the <c>postgres://</c> URLs that hosting platforms hand out into Npgsql settings.</summary>
public static class PostgresUrl
{
    /// <summary>True when <paramref name="text"/> is a <c>postgres://</c> or <c>postgresql://</c> URL.</summary>
    public static bool Matches(string text) =>
        text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase)
        || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses the URL; query parameters such as <c>sslmode</c> become connection settings.</summary>
    /// <exception cref="FormatException">The URL cannot be used; the message never shows the password.</exception>
    public static NpgsqlConnectionStringBuilder ToConnectionString(string url)
    {
        if (!Matches(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            throw new FormatException($"the history database '{Queues.BrokerAddress.RedactText(url)}' is not a "
                + "postgres:// URL; write it as postgres://user:password@host:5432/database");
        }

        var parts = uri.UserInfo.Split(':', 2);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host,
            Port = uri.Port > 0 ? uri.Port : 5432,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } db ? db : "postgres",
            Username = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null,
            Password = parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : null,
            Timeout = 10,
            CommandTimeout = 30,
        };
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var (key, value) = Libpq(Uri.UnescapeDataString(kv[0]), kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "");
            try
            {
                builder[key] = value;
            }
            catch (ArgumentException)
            {
                throw new FormatException($"the history database URL has the unknown setting '{kv[0]}' or value "
                    + $"'{value}'; use settings Npgsql knows, such as sslmode=verify-full");
            }
        }

        return builder;
    }

    /// <summary>
    /// libpq's spellings, which the URLs of hosting platforms and psql use: <c>sslmode=verify-full</c> and
    /// <c>sslrootcert=FILE</c> become Npgsql's <c>VerifyFull</c> and <c>Root Certificate</c>.
    /// </summary>
    private static (string Key, string Value) Libpq(string key, string value) => key.ToLowerInvariant() switch
    {
        "sslmode" => ("SSL Mode", value.Replace("-", "", StringComparison.Ordinal)),
        "sslrootcert" => ("Root Certificate", value),
        _ => (key, value),
    };
}
