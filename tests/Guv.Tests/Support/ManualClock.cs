namespace Guv.Tests.Support;

/// <summary>A clock whose "now" moves only when a test says so; timers and delays still run in real time.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{

    /// <summary>A clock at 2026-01-01 12:00 UTC.</summary>
    public ManualClock()
        : this(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>The clock's "now"; a test may set it to any time, earlier ones included.</summary>
    public DateTimeOffset Now { get; set; } = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => Now;

    /// <summary>Moves the clock forward (or back, with a negative span).</summary>
    public void Advance(TimeSpan by) => Now += by;
}
