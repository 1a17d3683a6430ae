using Guv.Simulation.Traces;

namespace Guv.Cli.Commands;

/// <summary>What <c>guv simulate</c> was asked, as parsed from the command line.</summary>
internal sealed record SimulateRequest(
    string? ConfigPath,
    string Trace,
    string? Role,
    string? Policy,
    string? Compare,
    ulong Seed,
    bool Json,
    string? Plot,
    double? Sla,
    TraceOptions TraceOptions);
