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
    /// <summary>How many ticks are kept at most: enough for any window a policy looks back over.</summary>
    public const int Capacity = 2048;

    // A ring buffer: the simulator replays months of ticks through here, so reading the newest few must not walk
    // the whole history.
    private readonly TickRecord[] _ticks = new TickRecord[Capacity];
    private int _first;

    /// <summary>The ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Ticks => Newest(Count);

    /// <summary>How many ticks are kept.</summary>
    public int Count { get; private set; }

    /// <summary>The newest tick, or null.</summary>
    public TickRecord? Last => Count == 0 ? null : _ticks[(_first + Count - 1) % Capacity];

    /// <summary>The newest <paramref name="count"/> ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Newest(int count)
    {
        var take = Math.Clamp(count, 0, Count);
        for (var i = Count - take; i < Count; i++)
        {
            yield return _ticks[(_first + i) % Capacity];
        }
    }

    /// <summary>Remembers a tick, forgetting the oldest past <see cref="Capacity"/>.</summary>
    public void Add(TickRecord tick)
    {
        if (Count == Capacity)
        {
            _ticks[_first] = tick;
            _first = (_first + 1) % Capacity;
            return;
        }

        _ticks[(_first + Count) % Capacity] = tick;
        Count++;
    }
}
