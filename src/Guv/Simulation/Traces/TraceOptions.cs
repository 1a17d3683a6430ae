namespace Guv.Simulation.Traces;

/// <summary>How to cut and pace a trace when loading it.</summary>
public sealed record TraceOptions
{
    /// <summary>
    /// Replay from this time on: a date and time (<c>1995-07-13T08:00</c>), a date, or a time of day (<c>08:00</c>)
    /// on the trace's first day; for synthetic traces, seconds from the start. Default: the trace's start.
    /// </summary>
    public string? From { get; init; }

    /// <summary>Replay up to (not including) this time; same forms as <see cref="From"/>. Default: the trace's end.</summary>
    public string? To { get; init; }

    /// <summary>Time compression: 2 replays twice as fast (twice the arrival rate). Default 1.</summary>
    public double Speed { get; init; } = 1;

    /// <summary>
    /// Processing time from the trace's columns, e.g. <c>1 + 0.0005*ContextTokens + 0.04*GeneratedTokens</c>.
    /// Default: a duration column when there is one, else the role's processing mean and stddev.
    /// </summary>
    public string? Service { get; init; }
}
