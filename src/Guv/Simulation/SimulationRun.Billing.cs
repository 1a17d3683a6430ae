namespace Guv.Simulation;

/// <summary>Workers coming and going, and what they bill: from the request to the stop, boots included.</summary>
internal sealed partial class SimulationRun
{
    private double _billed;
    private double _booted;
    private double _busy;

    private int NewWorker(WorkerState state)
    {
        if (!_freeIds.TryPop(out var id))
        {
            id = _workerIds++;
            if (id == _workers.Length)
            {
                Array.Resize(ref _workers, _workers.Length * 2);
            }
        }

        _workers[id].State = state;
        _workers[id].RequestedAt = _now;
        _workers[id].BootEnds = _now + Math.Max(0, _role.Boot);
        _workers[id].Busy = 0;
        _booting++;
        return id;
    }

    private void Retire(int id)
    {
        ref var worker = ref _workers[id];
        Bill(worker);
        if (worker.State == WorkerState.Booting)
        {
            _booting--;
        }
        else if (worker.State == WorkerState.Running)
        {
            _running--;
        }

        worker.State = WorkerState.Free;
        worker.Generation++;
        _freeIds.Push(id);
    }

    private void BillRemainingWorkers()
    {
        for (var id = 0; id < _workerIds; id++)
        {
            if (_workers[id].State != WorkerState.Free)
            {
                Bill(_workers[id]);
            }
        }
    }

    private void Bill(in WorkerRecord worker)
    {
        _billed += _now - worker.RequestedAt;
        _booted += Math.Min(_now, worker.BootEnds) - worker.RequestedAt;
    }
}
