using Guv.Queues;

namespace Guv.Tests.TestDoubles;

/// <summary>Queue statistics set by the test, by queue name; a queue without a value fails to read.</summary>
internal sealed class FakeQueues : IQueueSource
{
    public Dictionary<string, QueueStats> Stats { get; } = new(StringComparer.Ordinal);

    public void SetJobs(string queue, int jobs, int? consumers = null) =>
        Stats[queue] = new QueueStats(jobs, jobs, 0, consumers, 1.5, 0.5);

    public Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<QueueRef, QueueReading> readings = queues.ToDictionary(q => q, q =>
            Stats.TryGetValue(q.Name, out var stats)
                ? QueueReading.Ok(stats)
                : QueueReading.Failed(QueueReadError.NotFound, $"no queue '{q.Name}'"));
        return Task.FromResult(readings);
    }
}
