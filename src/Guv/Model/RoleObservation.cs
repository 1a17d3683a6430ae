namespace Guv.Model;

/// <summary>What guv sees of one role at a tick: its queue and its workers. Unknown values are null, never zero.</summary>
/// <param name="At">When the observation was made.</param>
/// <param name="Jobs">Messages in the queue: ready plus unacknowledged.</param>
/// <param name="Consumers">Consumers on the queue, when the broker reported them.</param>
/// <param name="PublishRate">Jobs arriving per second over the broker's last sample, when reported.</param>
/// <param name="AckRate">Jobs finishing per second over the broker's last sample, when reported.</param>
/// <param name="CurrentWorkers">Workers the platform runs or is starting, when known.</param>
public sealed record RoleObservation(
    DateTimeOffset At,
    int Jobs,
    int? Consumers,
    double? PublishRate,
    double? AckRate,
    int? CurrentWorkers);
