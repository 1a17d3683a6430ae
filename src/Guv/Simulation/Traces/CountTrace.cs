namespace Guv.Simulation.Traces;

/// <summary>
/// Arrivals given as counts per bin (per second, per minute). Each bin's count is spread over the bin as a Poisson
/// process would given that count: independent uniform times, generated in order without sorting.
/// </summary>
/// <param name="binStarts">Start of each bin, seconds since the replay's start, ascending.</param>
/// <param name="binWidth">Seconds each bin spans (after speed-up).</param>
/// <param name="counts">Arrivals in each bin.</param>
public sealed class CountTrace(double[] binStarts, double binWidth, int[] counts) : Trace
{
    /// <inheritdoc />
    public override IArrivalFeed Open(ulong seed) => new Feed(binStarts, binWidth, counts, new SimulationRandom(seed));

    private sealed class Feed(double[] starts, double width, int[] counts, SimulationRandom random) : IArrivalFeed
    {
        private int _bin = -1;
        private int _left;
        private double _at;
        private double _end;

        public bool TryNext(out Arrival arrival)
        {
            while (_left == 0)
            {
                if (++_bin >= counts.Length)
                {
                    arrival = default;
                    return false;
                }

                _left = counts[_bin];
                _at = starts[_bin];
                _end = _at + width;
            }

            // The smallest of k uniform points in [at, end] is at + (end - at) * (1 - U^(1/k)); taking it and
            // repeating on what is left yields the sorted sample one point at a time.
            _at += (_end - _at) * (1 - Math.Pow(random.NextOpenDouble(), 1.0 / _left));
            _left--;
            arrival = new Arrival(_at, double.NaN);
            return true;
        }
    }
}
