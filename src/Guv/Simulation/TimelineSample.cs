namespace Guv.Simulation;

/// <summary>One tick of a simulation, for charts.</summary>
/// <param name="At">Seconds since the start of the replay.</param>
/// <param name="Arrivals">Jobs that arrived since the previous tick.</param>
/// <param name="Jobs">Messages the governor saw: waiting plus in service.</param>
/// <param name="Workers">Workers after the tick's decision, booting ones included.</param>
/// <param name="MeanLatency">Mean latency (arrival to done) of the jobs finished since the previous tick, s; NaN if none.</param>
/// <param name="MaxLatency">Highest latency of those jobs, s; NaN if none.</param>
public readonly record struct TimelineSample(
    double At,
    int Arrivals,
    int Jobs,
    int Workers,
    double MeanLatency,
    double MaxLatency);
