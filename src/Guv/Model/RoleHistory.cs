namespace Guv.Model;

/// <summary>One tick of one role, as remembered for later decisions.</summary>
/// <param name="At">When the tick observed the role.</param>
/// <param name="Jobs">Jobs seen.</param>
/// <param name="Estimate">Workers the policy estimated.</param>
/// <param name="Workers">Workers after the decision (the target count), when known.</param>
/// <param name="PublishRate">Jobs arriving per second as read that tick, when reported.</param>
public sealed record TickRecord(DateTimeOffset At, int Jobs, int Estimate, int? Workers, double? PublishRate = null);

/// <summary>
/// The recent ticks of one role, newest last. It belongs to the role, not to a policy or a config, so it survives
/// a config reload and can be stored and restored.
/// </summary>
public sealed class RoleHistory
{
    /// <summary>The most ticks a history keeps unless told otherwise: enough for any window a policy looks back over.</summary>
    public const int DefaultCapacity = 2048;

    // A ring buffer that grows as ticks arrive, up to its capacity: the simulator replays months of ticks through
    // here, so reading the newest few must not walk the whole history, and a governor of thousands of roles must
    // not hold thousands of empty buffers.
    private TickRecord[] _ticks = new TickRecord[8];
    private int _first;

    /// <summary>Creates an empty history.</summary>
    /// <param name="capacity">How many ticks to keep at most (at least 2). Default <see cref="DefaultCapacity"/>.</param>
    public RoleHistory(int capacity = DefaultCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 2);
        Capacity = capacity;
    }

    /// <summary>How many ticks are kept at most.</summary>
    public int Capacity { get; }

    /// <summary>The ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Ticks => Newest(Count);

    /// <summary>How many ticks are kept.</summary>
    public int Count { get; private set; }

    /// <summary>The newest tick, or null.</summary>
    public TickRecord? Last => Count == 0 ? null : _ticks[(_first + Count - 1) % _ticks.Length];

    /// <summary>
    /// The capacity a governor gives a role's history: the longest window any policy looks back over (the role's
    /// <c>history</c>, the HPA's 300 s stabilisation, a few boot times), in ticks, with room to spare.
    /// </summary>
    public static int CapacityFor(Configuration.RoleOptions role, double tickSeconds)
    {
        var seconds = Math.Max(Math.Max(role.History, 600), 4 * role.Boot);
        return (int)Math.Clamp(Math.Ceiling(seconds / Math.Max(tickSeconds, 0.001)) + 2, 16, DefaultCapacity);
    }

    /// <summary>The newest <paramref name="count"/> ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Newest(int count)
    {
        var take = Math.Clamp(count, 0, Count);
        for (var i = Count - take; i < Count; i++)
        {
            yield return _ticks[(_first + i) % _ticks.Length];
        }
    }

    /// <summary>Remembers a tick, forgetting the oldest past <see cref="Capacity"/>.</summary>
    public void Add(TickRecord tick)
    {
        if (Count == _ticks.Length && Count < Capacity)
        {
            var grown = new TickRecord[Math.Min(Capacity, _ticks.Length * 2)];
            for (var i = 0; i < Count; i++)
            {
                grown[i] = _ticks[(_first + i) % _ticks.Length];
            }

            _ticks = grown;
            _first = 0;
        }

        if (Count == _ticks.Length)
        {
            _ticks[_first] = tick;
            _first = (_first + 1) % _ticks.Length;
            return;
        }

        _ticks[(_first + Count) % _ticks.Length] = tick;
        Count++;
    }
}
