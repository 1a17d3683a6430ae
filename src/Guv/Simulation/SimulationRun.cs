using Guv.Configuration;
using Guv.Model;
using Guv.Simulation.Traces;

namespace Guv.Simulation;

/// <summary>
/// The state of one simulation: the clock, the event queue (job completions and boots), the waiting jobs and the
/// figures. Arrivals are pulled from the trace one at a time and ticks come at fixed times, so neither sits in the
/// event queue, which holds at most one entry per busy slot and booting worker.
/// </summary>
internal sealed partial class SimulationRun
{
    private readonly RoleOptions _role;
    private readonly Trace _trace;
    private readonly SimulationOptions _options;
    private readonly double _tick;
    private readonly double _sla;
    private readonly IArrivalFeed _arrivals;
    private readonly SimulationRandom _serviceRandom;
    private readonly double _serviceMu;
    private readonly double _serviceSigma;
    private readonly PriorityQueue<WorkerEvent, double> _events = new();
    private readonly WaitingJobs _waiting = new();
    private readonly LatencyHistogram _latency = new();

    private double _now;
    private long _jobs;
    private long _within;
    private int _inService;

    public SimulationRun(RoleOptions role, Trace trace, SimulationOptions options)
    {
        _role = role;
        _trace = trace;
        _options = options;
        _tick = options.TickSeconds ?? role.PollInterval;
        _sla = options.Sla ?? role.Deadline;
        _arrivals = trace.Open(options.Seed);

        // Processing times get their own stream so every policy of a comparison sees the same job sizes.
        _serviceRandom = new SimulationRandom(options.Seed ^ 0x5EED_0F_5E2_71CEUL);
        (_serviceMu, _serviceSigma) = role.Stddev > 0
            ? QueueingModel.LognormalParameters(role.Processing, role.Stddev)
            : (Math.Log(role.Processing), 0);
        _timeline = options.RecordTimeline ? [] : null;
    }

    public SimulationResult Run()
    {
        StartInitialWorkers(_role.Minimum);
        var hasNext = _arrivals.TryNext(out var next);
        var nextTick = 0.0;
        var limit = _trace.Length + _options.DrainLimit;
        while (hasNext || _waiting.Count > 0 || _inService > 0)
        {
            var eventAt = _events.TryPeek(out _, out var at) ? at : double.PositiveInfinity;
            var arrivalAt = hasNext ? next.At : double.PositiveInfinity;
            var soonest = Math.Min(eventAt, Math.Min(arrivalAt, nextTick));
            if (soonest > limit)
            {
                break;
            }

            _now = soonest;
            if (eventAt <= arrivalAt && eventAt <= nextTick)
            {
                Handle(_events.Dequeue());
            }
            else if (arrivalAt <= nextTick)
            {
                Arrive(next);
                hasNext = _arrivals.TryNext(out next);
            }
            else
            {
                Tick();
                nextTick += _tick;
            }
        }

        _now = Math.Max(_now, _trace.Length);
        BillRemainingWorkers();
        return Result();
    }

    private void Arrive(Arrival arrival)
    {
        _jobs++;
        _arrivedSinceTick++;
        var job = double.IsNaN(arrival.Duration) ? arrival with { Duration = DrawProcessingTime() } : arrival;
        if (TryTakeIdleSlot(out var worker))
        {
            Start(worker, job);
        }
        else
        {
            _waiting.Enqueue(job);
        }
    }

    private void Finish(WorkerEvent done)
    {
        var latency = _now - done.Arrival;
        _latency.Add(latency);
        if (latency <= _sla + 1e-9)
        {
            _within++;
        }

        _inService--;
        _ackedSinceTick++;
        _finishedSinceTick++;
        _latencySinceTick += latency;
        _maxLatencySinceTick = Math.Max(_maxLatencySinceTick, latency);
        FreeSlot(done.Worker);
    }

    private double DrawProcessingTime() =>
        _serviceSigma > 0 ? Math.Exp(_serviceMu + _serviceSigma * _serviceRandom.Normal()) : _role.Processing;

    private SimulationResult Result()
    {
        var capacity = _billed * _role.Concurrency;
        var unfinished = _jobs - _latency.Count;
        return new SimulationResult
        {
            Policy = _role.Policy,
            Jobs = _jobs,
            Finished = _latency.Count,
            Sla = _sla,
            WithinDeadline = _jobs == 0 ? 1 : _within / (double)_jobs,
            P50 = Percentile(0.5),
            P95 = Percentile(0.95),
            P99 = Percentile(0.99),
            MeanLatency = _latency.Count == 0 ? 0 : _latency.Sum / _latency.Count,
            MaxLatency = unfinished > 0 ? double.PositiveInfinity : _latency.Max,
            WorkerSeconds = _billed,
            BusySeconds = _busy,
            BootSeconds = _booted,
            Utilization = capacity > 0 ? Math.Min(1, _busy / capacity) : 0,
            Cost = DynoPrices.HourlyRate(_role.DynoSize) is { } rate ? rate * _billed / 3600 : null,
            Actions = _actions,
            PeakWorkers = _peak,
            Duration = _now,
            Timeline = _timeline ?? [],
        };
    }

    // Jobs never finished count as infinitely late, so a percentile that reaches them is infinite.
    private double Percentile(double share)
    {
        var rank = share * _jobs;
        return rank > _latency.Count ? double.PositiveInfinity : _latency.Percentile(rank / Math.Max(1, _latency.Count));
    }
}
