namespace Guv.Leadership;

/// <summary>
/// Where the leader lease lives: a row that one guv at a time may hold until it expires. Times are the store's
/// own, so the clocks of the machines guv runs on do not matter.
/// </summary>
public interface ILeaseStore : IAsyncDisposable
{
    /// <summary>Says where the lease is, for messages; never a password.</summary>
    string Description { get; }

    /// <summary>Creates what the lease needs (a table); safe to call from several instances at once.</summary>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Takes the lease, or renews it, for <paramref name="duration"/> from the store's now, when it is free,
    /// expired or already held by <paramref name="holder"/>; otherwise changes nothing.
    /// </summary>
    /// <returns>The holder after the attempt: <paramref name="holder"/> when it holds the lease, else the other one.</returns>
    Task<string?> TryAcquireAsync(string name, string holder, TimeSpan duration, CancellationToken cancellationToken);

    /// <summary>Gives the lease up when <paramref name="holder"/> holds it, so a standby can take over at once.</summary>
    Task ReleaseAsync(string name, string holder, CancellationToken cancellationToken);
}
