namespace Guv.Queues;

/// <summary>A queue on a broker: the management API that reports it, its vhost, and its name.</summary>
public sealed record QueueRef(BrokerAddress Broker, string Name)
{
    /// <summary>
    /// The key that groups queues read with one request: one management API and vhost, read with one set of
    /// credentials, so that a role with a wrong password fails on its own instead of riding on another's.
    /// </summary>
    public (Uri Management, string VirtualHost, string User, string Password) Group =>
        (Broker.Management, Broker.VirtualHost, Broker.User, Broker.Password);

    /// <summary>Equality by place, not by object: two roles naming the same queue share one reading.</summary>
    public bool Equals(QueueRef? other) =>
        other is not null && Group == other.Group && Name == other.Name;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Group, Name);
}
