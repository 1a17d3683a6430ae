using Guv.Queues;

namespace Guv.Tests.Support;

/// <summary>A queue source whose readings the test sets, by queue name.</summary>
internal sealed class FakeQueueSource : IQueueSource
{
    public Dictionary<string, QueueReading> Readings { get; } = new(StringComparer.Ordinal);

    public int Calls { get; private set; }

    public void SetJobs(string queue, int jobs) =>
        Readings[queue] = QueueReading.Ok(new QueueStats(jobs, jobs, 0, null, null, null));

    public Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        Calls++;
        IReadOnlyDictionary<QueueRef, QueueReading> result = queues.ToDictionary(q => q, q =>
            Readings.TryGetValue(q.Name, out var reading)
                ? reading
                : QueueReading.Failed(QueueReadError.NotFound, $"no queue '{q.Name}'"));
        return Task.FromResult(result);
    }
}
