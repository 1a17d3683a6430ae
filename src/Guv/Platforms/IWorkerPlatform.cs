using Guv.Configuration;

namespace Guv.Platforms;

/// <summary>
/// Where a role's workers run. A platform reads how many workers each role has and changes those counts,
/// batching what it can (one request per app per tick on Heroku).
/// </summary>
public interface IWorkerPlatform : IAsyncDisposable
{
    /// <summary>The name used in the <c>platform</c> key.</summary>
    string Name { get; }

    /// <summary>Reads the current worker count of each role; every role asked for gets a result.</summary>
    Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken);

    /// <summary>Scales roles to new counts; every request gets a result.</summary>
    Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken);

    /// <summary>What <see cref="ScaleAsync"/> would send, one line per request, for <c>--dry-run</c>.</summary>
    IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests);
}
