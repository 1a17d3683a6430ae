namespace Guv.Simulation;

/// <summary>How to run one simulation.</summary>
public sealed record SimulationOptions
{
    /// <summary>Seed of every random draw; equal seeds replay equally. Default 1.</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Seconds between governor ticks. Default: the role's <c>pollinterval</c>.</summary>
    public double? TickSeconds { get; init; }

    /// <summary>
    /// Seconds from arrival that count as on time when measuring; lets a policy configured with one deadline be
    /// judged against another. Default: the role's <c>deadline</c>.
    /// </summary>
    public double? Sla { get; init; }

    /// <summary>Keep one <see cref="TimelineSample"/> per tick, for charts. Default false.</summary>
    public bool RecordTimeline { get; init; }

    /// <summary>
    /// Seconds after the trace's end the simulation goes on to finish queued jobs; jobs still unfinished then count
    /// as late. Default one week.
    /// </summary>
    public double DrainLimit { get; init; } = 7 * 24 * 3600;
}
