using Guv.Queues;

namespace Guv.Tests.Support;

/// <summary>Queue statistics set by the test, by queue name: the governor's input without a broker.</summary>
public sealed class FakeQueueSource : IQueueSource
{
    /// <summary>Jobs waiting per queue; a queue not listed has none.</summary>
    public Dictionary<string, int> Jobs { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<QueueRef, QueueReading> readings = queues.ToDictionary(q => q, q =>
        {
            var jobs = Jobs.GetValueOrDefault(q.Name);
            return QueueReading.Ok(new QueueStats(jobs, jobs, 0, 1, null, null));
        });
        return Task.FromResult(readings);
    }
}
