namespace Guv.Model;

/// <summary>One tick of one role, as remembered for later decisions.</summary>
/// <param name="At">When the tick observed the role.</param>
/// <param name="Jobs">Jobs seen.</param>
/// <param name="Estimate">Workers the policy estimated.</param>
/// <param name="Workers">Workers after the decision (the target count), when known.</param>
public sealed record TickRecord(DateTimeOffset At, int Jobs, int Estimate, int? Workers);

/// <summary>
/// The recent ticks of one role, newest last. It belongs to the role, not to a policy or a config, so it survives
/// a config reload and can be stored and restored.
/// </summary>
public sealed class RoleHistory
{
    /// <summary>How many ticks are kept at most: enough for any window a policy looks back over.</summary>
    public const int Capacity = 2048;

    private readonly LinkedList<TickRecord> _ticks = new();

    /// <summary>The ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Ticks => _ticks;

    /// <summary>How many ticks are kept.</summary>
    public int Count => _ticks.Count;

    /// <summary>The newest tick, or null.</summary>
    public TickRecord? Last => _ticks.Last?.Value;

    /// <summary>The newest <paramref name="count"/> ticks, oldest first.</summary>
    public IEnumerable<TickRecord> Newest(int count) => _ticks.Skip(Math.Max(0, _ticks.Count - count));

    /// <summary>Remembers a tick, forgetting the oldest past <see cref="Capacity"/>.</summary>
    public void Add(TickRecord tick)
    {
        _ticks.AddLast(tick);
        while (_ticks.Count > Capacity)
        {
            _ticks.RemoveFirst();
        }
    }
}
