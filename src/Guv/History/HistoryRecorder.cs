using System.Threading.Channels;
using Guv.Configuration;
using Guv.Governor;
using Guv.Model;
using Microsoft.Extensions.Logging;

namespace Guv.History;

/// <summary>
/// Stores every tick in the background, so a slow or broken database never delays the governor, and deletes
/// what is older than the retention once an hour. On start, <see cref="RestoreAsync"/> gives each role back the
/// ticks of its history window, so a scale-down window resumes where it was after a restart.
/// </summary>
public sealed partial class HistoryRecorder : IAsyncDisposable
{
    /// <summary>How long history is kept by default: 14 days.</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(14);

    private static readonly TimeSpan PruneEvery = TimeSpan.FromHours(1);

    private readonly IHistoryStore _store;
    private readonly Func<GuvConfig> _config;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly TimeSpan _retention;
    private readonly Channel<IReadOnlyList<HistoryRecord>> _pending =
        Channel.CreateBounded<IReadOnlyList<HistoryRecord>>(new BoundedChannelOptions(1000)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

    private readonly Task _writer;
    private DateTimeOffset _lastPrune = DateTimeOffset.MinValue;
    private bool _failing;

    /// <summary>Starts the background writer.</summary>
    /// <param name="store">Where to write; the recorder does not own it.</param>
    /// <param name="config">The config in force, for each role's limits.</param>
    /// <param name="time">The clock.</param>
    /// <param name="log">For write failures.</param>
    /// <param name="retention">How long records are kept. Default 14 days.</param>
    public HistoryRecorder(
        IHistoryStore store,
        Func<GuvConfig> config,
        TimeProvider time,
        ILogger<HistoryRecorder> log,
        TimeSpan? retention = null)
    {
        _store = store;
        _config = config;
        _time = time;
        _log = log;
        _retention = retention ?? DefaultRetention;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Queues a tick for storing; subscribe it to <see cref="Governor.Governor.Ticked"/>.</summary>
    public void Record(TickReport tick) => _pending.Writer.TryWrite(HistoryRecord.FromTick(tick, _config()));

    /// <summary>Gives each role of the governor's config the stored ticks of its history window.</summary>
    /// <returns>How many ticks were restored.</returns>
    public static async Task<int> RestoreAsync(
        Governor.Governor governor,
        IHistoryStore store,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var roles = governor.Config.Roles;
        if (roles.Count == 0)
        {
            return 0;
        }

        // Only the window counts: after a long stop, old estimates must not hold a role up.
        var now = time.GetUtcNow();
        var since = now - TimeSpan.FromSeconds(roles.Max(r => r.History));
        var records = await store.ReadAsync(null, since, cancellationToken);
        var restored = 0;
        foreach (var role in roles)
        {
            var from = now - TimeSpan.FromSeconds(role.History);
            var history = governor.HistoryOf(role.Name);
            foreach (var r in records.Where(r => r.Role == role.Name && r.At >= from && r.At <= now))
            {
                if (r is { Estimate: { } estimate, Jobs: { } jobs })
                {
                    history.Add(new TickRecord(r.At, jobs, estimate, r.Desired));
                    restored++;
                }
            }
        }

        return restored;
    }

    /// <summary>Writes what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WriteAsync()
    {
        await foreach (var records in _pending.Reader.ReadAllAsync())
        {
            try
            {
                await _store.AppendAsync(records, CancellationToken.None);
                await PruneWhenDueAsync();
                if (_failing)
                {
                    _failing = false;
                    LogWriteRecovered(_log, _store.Description);
                }
            }
            catch (Exception e) when (e is System.Data.Common.DbException or IOException or InvalidOperationException
                                          or TimeoutException)
            {
                // One line per failure streak, not one per tick.
                if (!_failing)
                {
                    _failing = true;
                    LogWriteFailed(_log, _store.Description, Queues.BrokerAddress.RedactText(e.Message));
                }
            }
        }
    }

    private async Task PruneWhenDueAsync()
    {
        var now = _time.GetUtcNow();
        if (now - _lastPrune < PruneEvery)
        {
            return;
        }

        _lastPrune = now;
        var deleted = await _store.PruneAsync(now - _retention, CancellationToken.None);
        if (deleted > 0)
        {
            LogPruned(_log, deleted, _retention.TotalDays);
        }
    }

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning,
        Message = "history not stored in {Store}: {Error}; guv goes on scaling and retries at the next tick")]
    private static partial void LogWriteFailed(ILogger log, string store, string error);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Information, Message = "history stored in {Store} again")]
    private static partial void LogWriteRecovered(ILogger log, string store);

    [LoggerMessage(EventId = 6003, Level = LogLevel.Debug, Message = "history: deleted {Count} records older than {Days} days")]
    private static partial void LogPruned(ILogger log, int count, double days);
}
