using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Guv.Configuration;
using Guv.History;
using Guv.Leadership;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>
/// The leader lease of <c>guv run</c> (issue #6): taken when the history is in PostgreSQL, the one store several
/// instances can share; none with SQLite, in memory, or in a dry run, which changes nothing anyway.
/// </summary>
internal sealed class LeaseHost : IAsyncDisposable
{
    private readonly ILeaseStore _store;
    private readonly int? _seconds;

    private LeaseHost(ILeaseStore store, LeaderLease lease, int? seconds)
    {
        _store = store;
        Lease = lease;
        _seconds = seconds;
    }

    public LeaderLease Lease { get; }

    /// <summary>The lease for <paramref name="historyDb"/>, opened and ready; null when guv runs alone.</summary>
    /// <exception cref="UserError">The lease time is too short, or the lease table cannot be created.</exception>
    public static async Task<LeaseHost?> OpenAsync(
        string? historyDb,
        int? leaseSeconds,
        bool dryRun,
        GuvConfig config,
        ILoggerFactory logs,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (dryRun || historyDb is null || !PostgresUrl.Matches(historyDb))
        {
            return null;
        }

        var duration = Duration(leaseSeconds, config);
        var store = new PostgresLeaseStore(historyDb);
        try
        {
            await store.InitializeAsync(cancellationToken);
        }
        catch (Exception e) when (e is DbException or IOException or SocketException or TimeoutException
                                      or InvalidOperationException)
        {
            await store.DisposeAsync();
            throw new UserError($"cannot set up the leader lease in {store.Description}: "
                + $"{Queues.BrokerAddress.RedactText(e.Message)}; check --history-db");
        }

        var lease = new LeaderLease(store, LeaderLease.NewHolderId(), duration, time, logs.CreateLogger<LeaderLease>());
        return new LeaseHost(store, lease, leaseSeconds);
    }

    /// <summary>Follows a reloaded config: the default lease is twice its poll interval.</summary>
    public void Reload(GuvConfig config)
    {
        if (_seconds is null)
        {
            Lease.Duration = Duration(null, config);
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await Lease.ReleaseAsync(limit.Token);
        await _store.DisposeAsync();
    }

    private static TimeSpan Duration(int? seconds, GuvConfig config)
    {
        if (seconds is not { } given)
        {
            return TimeSpan.FromSeconds(2 * config.PollInterval);
        }

        // The leader renews once per tick: a lease shorter than a tick would run out between two renewals.
        return given > config.PollInterval
            ? TimeSpan.FromSeconds(given)
            : throw new UserError(string.Create(CultureInfo.InvariantCulture,
                $"--lease-seconds {given} is not longer than the pollinterval ({config.PollInterval} s): the leader "
                + $"renews the lease once a tick, so it would run out between ticks; give at least "
                + $"{Math.Ceiling(2 * config.PollInterval)} (the default, twice the pollinterval)"));
    }
}
