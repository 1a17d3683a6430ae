namespace Guv.Queues;

/// <summary>A queue on a broker: the management API that reports it, its vhost, and its name.</summary>
public sealed record QueueRef(BrokerAddress Broker, string Name)
{
    /// <summary>The key that groups queues read with one request: one management API and vhost.</summary>
    public (Uri Management, string VirtualHost) Group => (Broker.Management, Broker.VirtualHost);

    /// <summary>Equality by place, not by object: two roles naming the same queue share one reading.</summary>
    public bool Equals(QueueRef? other) =>
        other is not null && Group == other.Group && Name == other.Name;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Group, Name);
}
