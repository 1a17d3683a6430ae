using Guv.Configuration;

namespace Guv.Platforms;

/// <summary>The platforms a governor drives, by name; it owns them and disposes them with itself.</summary>
public sealed class PlatformSet(IEnumerable<IWorkerPlatform> platforms) : IAsyncDisposable
{
    private readonly Dictionary<string, IWorkerPlatform> _byName =
        platforms.ToDictionary(p => p.Name, StringComparer.Ordinal);

    /// <summary>Every platform.</summary>
    public IEnumerable<IWorkerPlatform> All => _byName.Values;

    /// <summary>The platform of a role, or null when none of that name is set up.</summary>
    public IWorkerPlatform? For(RoleOptions role) => _byName.GetValueOrDefault(role.Platform);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var platform in _byName.Values)
        {
            await platform.DisposeAsync();
        }
    }
}
