namespace Guv.Simulation.Traces;

/// <summary>Arrivals in time order, produced one at a time so a long trace is never held in memory as jobs.</summary>
public interface IArrivalFeed
{
    /// <summary>The next arrival, or false when the trace is over.</summary>
    bool TryNext(out Arrival arrival);
}
