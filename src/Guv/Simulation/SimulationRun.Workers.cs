namespace Guv.Simulation;

/// <summary>The workers of a simulation: booting, running and stopping, their slots and their bills.</summary>
internal sealed partial class SimulationRun
{
    private readonly Stack<int> _freeIds = new();

    // One entry per idle slot, tagged with the worker's generation; entries of workers that stopped since are
    // skipped when taken, which is cheaper than finding and removing them.
    private readonly Stack<(int Worker, int Generation)> _idleSlots = new();
    private WorkerRecord[] _workers = new WorkerRecord[16];
    private int _workerIds;
    private int _booting;
    private int _running;
    private int _peak;

    private enum WorkerState : byte
    {
        Free,
        Booting,
        Running,
        Stopping,
    }

    /// <summary>Workers the platform would report: booting and running, not those stopping.</summary>
    private int Formation => _booting + _running;

    private void StartInitialWorkers(int count)
    {
        // The role was already running before the trace starts: its minimum is up at second 0.
        for (var i = 0; i < count; i++)
        {
            var id = NewWorker(WorkerState.Booting);
            _workers[id].BootEnds = _now;
            BecomeReady(id);
        }

        _peak = Formation;
    }

    private void ScaleTo(int target)
    {
        for (var i = Formation; i < target; i++)
        {
            var id = NewWorker(WorkerState.Booting);
            if (_role.Boot <= 0)
            {
                BecomeReady(id);
            }
            else
            {
                _events.Enqueue(new WorkerEvent(id, _workers[id].Generation, double.NaN), _now + _role.Boot);
            }
        }

        // Down: booting workers first (newest first, they have done nothing yet), then idle ones, then busy ones,
        // which stop taking jobs and leave once their current jobs are done.
        while (Formation > target && _booting > 0)
        {
            Retire(Newest(WorkerState.Booting));
        }

        while (Formation > target)
        {
            var id = LeastBusyRunning();
            if (_workers[id].Busy == 0)
            {
                Retire(id);
            }
            else
            {
                _workers[id].State = WorkerState.Stopping;
                _running--;
            }
        }

        _peak = Math.Max(_peak, Formation);
    }

    private void Handle(WorkerEvent e)
    {
        if (!double.IsNaN(e.Arrival))
        {
            Finish(e);
        }
        else if (_workers[e.Worker].Generation == e.Generation && _workers[e.Worker].State == WorkerState.Booting)
        {
            BecomeReady(e.Worker);
        }
    }

    private void BecomeReady(int id)
    {
        _workers[id].State = WorkerState.Running;
        _booting--;
        _running++;
        for (var slot = 0; slot < _role.Concurrency; slot++)
        {
            FillOrIdle(id);
        }
    }

    private void FreeSlot(int id)
    {
        ref var worker = ref _workers[id];
        worker.Busy--;
        if (worker.State == WorkerState.Stopping)
        {
            if (worker.Busy == 0)
            {
                Retire(id);
            }

            return;
        }

        FillOrIdle(id);
    }

    private void FillOrIdle(int id)
    {
        if (_waiting.Count > 0)
        {
            Start(id, _waiting.Dequeue());
        }
        else
        {
            _idleSlots.Push((id, _workers[id].Generation));
        }
    }

    private bool TryTakeIdleSlot(out int id)
    {
        while (_idleSlots.TryPop(out var slot))
        {
            if (_workers[slot.Worker].Generation == slot.Generation && _workers[slot.Worker].State == WorkerState.Running)
            {
                id = slot.Worker;
                return true;
            }
        }

        id = -1;
        return false;
    }

    private void Start(int id, Arrival job)
    {
        _workers[id].Busy++;
        _inService++;
        _busy += job.Duration;
        _events.Enqueue(new WorkerEvent(id, _workers[id].Generation, job.At), _now + job.Duration);
    }

    private int Newest(WorkerState state)
    {
        var best = -1;
        for (var id = 0; id < _workerIds; id++)
        {
            if (_workers[id].State == state && (best < 0 || _workers[id].RequestedAt >= _workers[best].RequestedAt))
            {
                best = id;
            }
        }

        return best;
    }

    private int LeastBusyRunning()
    {
        var best = -1;
        for (var id = 0; id < _workerIds; id++)
        {
            if (_workers[id].State == WorkerState.Running && (best < 0 || _workers[id].Busy < _workers[best].Busy))
            {
                best = id;
            }
        }

        return best;
    }

    private struct WorkerRecord
    {
        public double RequestedAt;
        public double BootEnds;
        public int Busy;
        public int Generation;
        public WorkerState State;
    }

    /// <summary>A job finishing (<see cref="Arrival"/> is its arrival time) or, with NaN, a worker's boot ending.</summary>
    private readonly record struct WorkerEvent(int Worker, int Generation, double Arrival);
}
