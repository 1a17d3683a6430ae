namespace Guv.Queues;

/// <summary>Reads queue statistics. One call per tick reads every queue the config names.</summary>
public interface IQueueSource
{
    /// <summary>Reads the given queues; every queue asked for gets a reading, good or failed.</summary>
    Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadAsync(
        IReadOnlyCollection<QueueRef> queues,
        CancellationToken cancellationToken);
}
