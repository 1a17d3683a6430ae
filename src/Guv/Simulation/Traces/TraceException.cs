namespace Guv.Simulation.Traces;

/// <summary>A trace that cannot be used: the message names the file or spec, the problem and the fix.</summary>
public sealed class TraceException(string message) : Exception(message);
