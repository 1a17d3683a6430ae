using Guv.Configuration;
using Guv.Platforms;

namespace Guv.Tests.TestDoubles;

/// <summary>A platform that remembers counts, like Heroku's formation: they survive a restart of guv.</summary>
internal sealed class FakePlatform(string name = PlatformNames.Local) : IWorkerPlatform
{
    public Dictionary<string, int> Workers { get; } = new(StringComparer.Ordinal);

    public string Name => name;

    public Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, PlatformResult> results = roles.ToDictionary(r => r.Name,
            r => PlatformResult.Ok(Workers.GetValueOrDefault(r.Name)));
        return Task.FromResult(results);
    }

    public Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken)
    {
        foreach (var request in requests)
        {
            Workers[request.Role.Name] = request.To;
        }

        IReadOnlyDictionary<string, PlatformResult> results = requests.ToDictionary(r => r.Role.Name,
            r => PlatformResult.Ok(r.To));
        return Task.FromResult(results);
    }

    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) => [];

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
