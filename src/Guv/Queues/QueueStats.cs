namespace Guv.Queues;

/// <summary>A queue's statistics as the broker reported them; what it did not report is null, never zero.</summary>
/// <param name="Jobs">Messages: ready plus unacknowledged.</param>
/// <param name="Ready">Messages waiting for a consumer, when reported.</param>
/// <param name="Unacknowledged">Messages delivered but not yet acknowledged, when reported.</param>
/// <param name="Consumers">Consumers, when reported.</param>
/// <param name="PublishRate">Publishes per second over the broker's last sample, when reported.</param>
/// <param name="AckRate">Acknowledgements per second over the broker's last sample, when reported.</param>
public sealed record QueueStats(
    int Jobs,
    int? Ready,
    int? Unacknowledged,
    int? Consumers,
    double? PublishRate,
    double? AckRate);
