using System.Data.Common;
using System.Globalization;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace Guv.Leadership;

/// <summary>
/// Lets one of several guv instances sharing a store change workers: the one holding the lease. Every tick the
/// governor asks <see cref="HoldAsync"/> before applying; it takes or renews the lease and answers true only
/// while this instance holds it with time to spare. Any doubt (the store unreachable, slow or held by another)
/// answers false at once, so a leader cut off from the store never keeps scaling beside a new one.
/// </summary>
public sealed partial class LeaderLease
{
    /// <summary>The lease's name in the store: one guv deployment per database.</summary>
    public const string DefaultName = "guv";

    private readonly ILeaseStore _store;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private long _heldAt;
    private TimeSpan _heldFor;
    private bool _held;
    private bool _answered;

    /// <summary>Creates the lease; nothing is taken until the first <see cref="HoldAsync"/>.</summary>
    /// <param name="store">Where the lease lives.</param>
    /// <param name="holder">This instance's id (see <see cref="NewHolderId"/>).</param>
    /// <param name="duration">How long one take or renewal holds; must exceed the poll interval.</param>
    /// <param name="time">The clock: only its monotonic timestamps are used.</param>
    /// <param name="log">Leadership changes.</param>
    /// <param name="name">The lease's name. Default <see cref="DefaultName"/>.</param>
    public LeaderLease(
        ILeaseStore store,
        string holder,
        TimeSpan duration,
        TimeProvider time,
        ILogger<LeaderLease> log,
        string name = DefaultName)
    {
        _store = store;
        Holder = holder;
        Duration = duration;
        _time = time;
        _log = log;
        Name = name;
    }

    /// <summary>This instance's id in the store.</summary>
    public string Holder { get; }

    /// <summary>The lease's name in the store.</summary>
    public string Name { get; }

    /// <summary>How long one take or renewal holds.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>The holder the store last named (this instance or another); null before an answer or when none.</summary>
    public string? Leader { get; private set; }

    /// <summary>True while the last renewal succeeded and its lease has not run out by this machine's clock.</summary>
    public bool IsLeader
    {
        get
        {
            lock (_gate)
            {
                return _held && _time.GetElapsedTime(_heldAt) < _heldFor;
            }
        }
    }

    /// <summary>A holder id: host name, process id and a random part, so a restarted process is a new holder.</summary>
    public static string NewHolderId() => string.Create(CultureInfo.InvariantCulture,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Random.Shared.Next(0x10000, 0xFFFFF):x5}");

    /// <summary>
    /// Takes or renews the lease. True only when the store confirmed this instance holds it, within half the
    /// lease, so at least half of it is left to apply changes in.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<bool> HoldAsync(CancellationToken cancellationToken)
    {
        var duration = Duration;
        var sent = _time.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(duration / 2);
        string? holder = null;
        string? error = null;
        try
        {
            holder = await _store.TryAcquireAsync(Name, Holder, duration, limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"{_store.Description} did not answer within {duration.TotalSeconds / 2:0.#} s (half the lease)");
        }
        catch (Exception e) when (e is DbException or IOException or SocketException or TimeoutException
                                      or InvalidOperationException)
        {
            error = $"{_store.Description}: {Queues.BrokerAddress.RedactText(e.Message)}";
        }

        var took = _time.GetElapsedTime(sent);
        if (error is null && holder == Holder && took >= duration / 2)
        {
            error = string.Create(CultureInfo.InvariantCulture,
                $"{_store.Description} took {took.TotalSeconds:0.#} s to renew it, more than half the lease");
        }

        var held = error is null && holder == Holder;
        Record(held, holder, error, sent, duration);
        return held;
    }

    /// <summary>Gives the lease up on a clean stop, so a standby takes over at its next tick.</summary>
    public async Task ReleaseAsync(CancellationToken cancellationToken)
    {
        if (!IsLeader)
        {
            return;
        }

        lock (_gate)
        {
            _held = false;
        }

        try
        {
            await _store.ReleaseAsync(Name, Holder, cancellationToken);
            LogReleased(_log, Holder);
        }
        catch (Exception e) when (e is DbException or IOException or SocketException or TimeoutException
                                      or InvalidOperationException or OperationCanceledException)
        {
            // The lease then simply runs out.
            LogNotReleased(_log, Queues.BrokerAddress.RedactText(e.Message), Duration.TotalSeconds);
        }
    }

    private void Record(bool held, string? holder, string? error, long sent, TimeSpan duration)
    {
        bool was;
        bool first;
        lock (_gate)
        {
            was = _held; // by the last answer: a lease that lapsed between two ticks is still lost, and said so
            first = !_answered;
            _answered = true;
            _held = held;
            _heldAt = sent;
            _heldFor = duration;
            if (error is null)
            {
                Leader = holder;
            }
        }

        if (held && !was)
        {
            LogBecameLeader(_log, Holder, duration.TotalSeconds);
        }
        else if (error is not null)
        {
            if (was)
            {
                LogLostUnreachable(_log, error);
            }
            else
            {
                LogUnreachable(_log, error);
            }
        }
        else if (!held && (was || first))
        {
            LogStandingBy(_log, holder ?? "another instance");
        }
    }
}
