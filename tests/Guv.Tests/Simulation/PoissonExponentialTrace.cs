using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Tests.Simulation;

/// <summary>Poisson arrivals with exponential processing times: the M/M/1 of queueing textbooks.</summary>
internal sealed class PoissonExponentialTrace : Trace
{
    private readonly double _lambda;
    private readonly double _mu;
    private readonly int _jobs;

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public PoissonExponentialTrace(double lambda, double mu, int jobs)
    {
        (_lambda, _mu, _jobs) = (lambda, mu, jobs);
        Name = $"M/M/1 lambda {lambda} mu {mu}";
        Length = jobs / lambda;
    }

    public override IArrivalFeed Open(ulong seed) => new Feed(this, new SimulationRandom(seed));

    private sealed class Feed(PoissonExponentialTrace trace, SimulationRandom random) : IArrivalFeed
    {
        private double _at;
        private int _count;

        public bool TryNext(out Arrival arrival)
        {
            if (_count++ >= trace._jobs)
            {
                arrival = default;
                return false;
            }

            _at += random.Exponential(trace._lambda);
            arrival = new Arrival(_at, random.Exponential(trace._mu));
            return true;
        }
    }
}
