namespace Guv.Simulation;

/// <summary>The figures of one simulated policy.</summary>
public sealed record SimulationResult
{
    /// <summary>The policy simulated.</summary>
    public required string Policy { get; init; }

    /// <summary>Jobs that arrived.</summary>
    public required long Jobs { get; init; }

    /// <summary>Jobs done before the simulation ended (all of them unless the drain limit cut it short).</summary>
    public required long Finished { get; init; }

    /// <summary>The deadline attainment was measured against, s.</summary>
    public required double Sla { get; init; }

    /// <summary>Share of all jobs (0..1) done within <see cref="Sla"/> of their arrival.</summary>
    public required double WithinDeadline { get; init; }

    /// <summary>Median latency from arrival to done, s.</summary>
    public required double P50 { get; init; }

    /// <summary>95th percentile latency, s.</summary>
    public required double P95 { get; init; }

    /// <summary>99th percentile latency, s.</summary>
    public required double P99 { get; init; }

    /// <summary>Mean latency, s.</summary>
    public required double MeanLatency { get; init; }

    /// <summary>Highest latency, s.</summary>
    public required double MaxLatency { get; init; }

    /// <summary>Billed worker-seconds: from each worker's request to its stop, boots included.</summary>
    public required double WorkerSeconds { get; init; }

    /// <summary>Seconds of processing done.</summary>
    public required double BusySeconds { get; init; }

    /// <summary>Billed worker-seconds spent booting, before workers took jobs.</summary>
    public required double BootSeconds { get; init; }

    /// <summary>Busy over billed capacity (worker-seconds times concurrency), 0..1.</summary>
    public required double Utilization { get; init; }

    /// <summary>Dollars the billed worker-seconds cost at the role's dyno size, or null for a size without a price.</summary>
    public required double? Cost { get; init; }

    /// <summary>Ticks that changed the worker count.</summary>
    public required int Actions { get; init; }

    /// <summary>The most workers at once.</summary>
    public required int PeakWorkers { get; init; }

    /// <summary>Simulated seconds, trace plus the drain at the end.</summary>
    public required double Duration { get; init; }

    /// <summary>One sample per tick when asked for, else empty.</summary>
    public IReadOnlyList<TimelineSample> Timeline { get; init; } = [];
}
