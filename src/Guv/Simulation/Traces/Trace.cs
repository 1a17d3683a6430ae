namespace Guv.Simulation.Traces;

/// <summary>
/// A workload to replay: where it starts in real time, how long it lasts, and a way to open its arrivals. Opening
/// twice with the same seed gives the same arrivals, so every policy of a comparison sees the same jobs.
/// </summary>
public abstract class Trace
{
    /// <summary>A short description for reports, e.g. "nasa_http_1995_requests_per_minute.csv, 1440 minutes".</summary>
    public required string Name { get; init; }

    /// <summary>The real time of second 0 of the replay (the trace's own clock; time zone as the trace has it).</summary>
    public DateTimeOffset Start { get; init; }

    /// <summary>Seconds the replay lasts, gaps removed and speed applied.</summary>
    public required double Length { get; init; }

    /// <summary>How many jobs the trace holds, when known without replaying it.</summary>
    public long? Jobs { get; init; }

    /// <summary>True when arrivals carry their own processing time.</summary>
    public bool HasDurations { get; init; }

    /// <summary>Opens the arrivals; <paramref name="seed"/> drives any randomness (spreading counts over a bin).</summary>
    public abstract IArrivalFeed Open(ulong seed);
}
