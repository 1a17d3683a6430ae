using System.Data.Common;
using Guv.History;

namespace Guv.Cli.Hosting;

/// <summary>Reads stored history for the analysis commands, turning every failure into a one-line user error.</summary>
internal static class StoredHistory
{
    /// <summary>Reads the records of one role or all from <paramref name="since"/> on.</summary>
    /// <exception cref="UserError">The store is missing or cannot be read, or <paramref name="since"/> is no time.</exception>
    public static async Task<IReadOnlyList<HistoryRecord>> ReadAsync(string? spec, string? role, string? since)
    {
        var now = DateTimeOffset.UtcNow;
        var from = DateTimeOffset.UnixEpoch;
        if (!string.IsNullOrEmpty(since))
        {
            from = TimeSpec.Parse(since, now) ?? throw new UserError($"--since '{since}' is not a time; give {TimeSpec.Help}");
        }

        spec = ObservabilityOptions.HistoryDbOrEnvironment(spec) ?? HistoryStores.DefaultPath;
        if (spec == HistoryStores.Off)
        {
            throw new UserError("'off' keeps no history to read; give the SQLite file or postgres:// URL guv run used");
        }

        if (!PostgresUrl.Matches(spec) && !File.Exists(spec))
        {
            throw new UserError($"no history file '{spec}'; give the --history-db that guv run wrote "
                + $"(default {HistoryStores.DefaultPath} in the folder guv ran in)");
        }

        try
        {
            await using var store = HistoryStores.Open(spec);
            await store.InitializeAsync(CancellationToken.None);
            return await store.ReadAsync(role, from, CancellationToken.None);
        }
        catch (FormatException e)
        {
            throw new UserError(e.Message);
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            throw new UserError($"cannot read the history in '{Queues.BrokerAddress.RedactText(spec)}': "
                + Queues.BrokerAddress.RedactText(e.Message));
        }
    }
}
