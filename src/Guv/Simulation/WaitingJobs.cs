namespace Guv.Simulation;

/// <summary>The jobs waiting for a worker, first in first out, in a ring buffer that grows but never shrinks.</summary>
internal sealed class WaitingJobs
{
    private Arrival[] _items = new Arrival[1024];
    private int _head;

    public int Count { get; private set; }

    public void Enqueue(Arrival job)
    {
        if (Count == _items.Length)
        {
            var bigger = new Arrival[_items.Length * 2];
            for (var i = 0; i < Count; i++)
            {
                bigger[i] = _items[(_head + i) % _items.Length];
            }

            _items = bigger;
            _head = 0;
        }

        _items[(_head + Count) % _items.Length] = job;
        Count++;
    }

    public Arrival Dequeue()
    {
        var job = _items[_head];
        _head = (_head + 1) % _items.Length;
        Count--;
        return job;
    }
}
