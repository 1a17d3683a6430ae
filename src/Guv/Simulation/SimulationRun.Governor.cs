using Guv.Model;
using Guv.Model.Policies;

namespace Guv.Simulation;

/// <summary>The governor's tick inside a simulation: what RabbitMQ would report, and the policy's decision.</summary>
internal sealed partial class SimulationRun
{
    private readonly RoleHistory _history = new();
    private readonly List<TimelineSample>? _timeline;
    private bool _ticked;
    private int _arrivedSinceTick;
    private int _ackedSinceTick;
    private int _finishedSinceTick;
    private double _latencySinceTick;
    private double _maxLatencySinceTick;
    private int _actions;

    private void Tick()
    {
        // RabbitMQ's 'messages' is ready plus unacknowledged: waiting jobs and jobs in service. Its rates are
        // unknown on the first sample, as a freshly started broker reports them.
        var jobs = _waiting.Count + _inService;
        var observation = new RoleObservation(
            _trace.Start.AddSeconds(_now),
            jobs,
            _running,
            _ticked ? _arrivedSinceTick / _tick : null,
            _ticked ? _ackedSinceTick / _tick : null,
            Formation);
        var decision = PolicyDriver.Decide(_role, observation, _history, _tick);
        if (decision.Next is { } target && target != Formation)
        {
            _actions++;
            ScaleTo(target);
        }

        _timeline?.Add(new TimelineSample(_now, _arrivedSinceTick, jobs, Formation,
            _finishedSinceTick > 0 ? _latencySinceTick / _finishedSinceTick : double.NaN,
            _finishedSinceTick > 0 ? _maxLatencySinceTick : double.NaN));
        _ticked = true;
        _arrivedSinceTick = 0;
        _ackedSinceTick = 0;
        _finishedSinceTick = 0;
        _latencySinceTick = 0;
        _maxLatencySinceTick = 0;
    }
}
