using Guv.Queues;

namespace Guv.Tests.Support;

/// <summary>Queue statistics set by the test, by queue name: the governor's input without a broker.</summary>
public sealed class FakeQueueSource : IQueueSource
{
    /// <summary>Jobs waiting per queue; a queue listed in neither this nor <see cref="Readings"/> has none.</summary>
    public Dictionary<string, int> Jobs { get; } = new(StringComparer.Ordinal);

    /// <summary>Whole readings per queue, good or failed; they win over <see cref="Jobs"/>.</summary>
    public Dictionary<string, QueueReading> Readings { get; } = new(StringComparer.Ordinal);

    /// <summary>How often the governor read.</summary>
    public int Calls { get; private set; }

    /// <summary>Sets a queue's jobs as a complete reading.</summary>
    public void SetJobs(string queue, int jobs) =>
        Readings[queue] = QueueReading.Ok(new QueueStats(jobs, jobs, 0, null, null, null));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken)
    {
        Calls++;
        IReadOnlyDictionary<QueueRef, QueueReading> readings = queues.ToDictionary(q => q, q =>
        {
            if (Readings.TryGetValue(q.Name, out var reading))
            {
                return reading;
            }

            var jobs = Jobs.GetValueOrDefault(q.Name);
            return QueueReading.Ok(new QueueStats(jobs, jobs, 0, 1, null, null));
        });
        return Task.FromResult(readings);
    }
}
