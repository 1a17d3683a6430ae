namespace Guv.Simulation;

/// <summary>One job arriving in a simulation.</summary>
/// <param name="At">Seconds since the start of the replay.</param>
/// <param name="Duration">Its processing time in seconds when the trace says it, else NaN (drawn by the simulator).</param>
public readonly record struct Arrival(double At, double Duration);
