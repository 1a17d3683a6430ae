using Guv.Configuration;
using Guv.Platforms;

namespace Guv.Tests.Support;

/// <summary>A platform that keeps counts in memory and records every scale call.</summary>
internal sealed class FakePlatform(string name = PlatformNames.Local) : IWorkerPlatform
{
    public Dictionary<string, int> Counts { get; } = new(StringComparer.Ordinal);

    public List<IReadOnlyList<ScaleRequest>> ScaleCalls { get; } = [];

    public string Name { get; } = name;

    public Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, PlatformResult> result = roles.ToDictionary(r => r.Name,
            r => PlatformResult.Ok(Counts.GetValueOrDefault(r.Name)));
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken)
    {
        ScaleCalls.Add(requests);
        foreach (var request in requests)
        {
            Counts[request.Role.Name] = request.To;
        }

        IReadOnlyDictionary<string, PlatformResult> result = requests.ToDictionary(r => r.Role.Name,
            r => PlatformResult.Ok(r.To));
        return Task.FromResult(result);
    }

    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) =>
        requests.Select(r => $"{Name}: {r.Role.Name} -> {r.To}").ToList();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
