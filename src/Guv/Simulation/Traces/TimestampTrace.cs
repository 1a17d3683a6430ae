namespace Guv.Simulation.Traces;

/// <summary>Arrivals given one by one, each with its time and, when the trace has one, its processing time.</summary>
/// <param name="times">Seconds since the replay's start, ascending.</param>
/// <param name="durations">Processing time of each arrival in seconds, or null when the trace has none.</param>
public sealed class TimestampTrace(double[] times, double[]? durations) : Trace
{
    /// <inheritdoc />
    public override IArrivalFeed Open(ulong seed) => new Feed(times, durations);

    private sealed class Feed(double[] times, double[]? durations) : IArrivalFeed
    {
        private int _next;

        public bool TryNext(out Arrival arrival)
        {
            if (_next >= times.Length)
            {
                arrival = default;
                return false;
            }

            arrival = new Arrival(times[_next], durations?[_next] ?? double.NaN);
            _next++;
            return true;
        }
    }
}
