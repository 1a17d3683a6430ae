namespace Guv.Queues;

/// <summary>Why a queue could not be read; stable names for logs and metrics.</summary>
public enum QueueReadError
{
    /// <summary>The management API could not be reached or did not answer in time.</summary>
    Unreachable,

    /// <summary>The management API answered with an HTTP error.</summary>
    HttpError,

    /// <summary>The answer was not the JSON expected.</summary>
    BadResponse,

    /// <summary>The queue does not exist.</summary>
    NotFound,

    /// <summary>The queue exists but the broker has no statistics for it yet.</summary>
    NoStatistics,
}

/// <summary>The outcome of reading one queue: statistics, or an error with its cause.</summary>
public sealed record QueueReading(QueueStats? Stats, QueueReadError? Error, string? Detail)
{
    /// <summary>A successful reading.</summary>
    public static QueueReading Ok(QueueStats stats) => new(stats, null, null);

    /// <summary>A failed reading.</summary>
    public static QueueReading Failed(QueueReadError error, string detail) => new(null, error, detail);
}
