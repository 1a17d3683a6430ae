using System.Diagnostics;
using Guv.Configuration;
using Guv.Platforms;

namespace Guv.Web;

/// <summary>Wraps a platform to time its calls and count its failures in <see cref="GuvMetrics"/>.</summary>
public sealed class MeasuredPlatform(IWorkerPlatform inner, GuvMetrics metrics) : IWorkerPlatform
{
    /// <summary>The platform measured.</summary>
    public IWorkerPlatform Inner => inner;

    /// <inheritdoc />
    public string Name => inner.Name;

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken) =>
        MeasureAsync("read", () => inner.ReadAsync(roles, cancellationToken));

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken) =>
        MeasureAsync("scale", () => inner.ScaleAsync(requests, cancellationToken));

    /// <inheritdoc />
    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) => inner.Describe(requests);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private async Task<IReadOnlyDictionary<string, PlatformResult>> MeasureAsync(
        string operation,
        Func<Task<IReadOnlyDictionary<string, PlatformResult>>> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var results = await call();
            metrics.ObservePlatformCall(Name, operation, Stopwatch.GetElapsedTime(started),
                results.Values.Count(r => r.Error is not null));
            return results;
        }
        catch
        {
            metrics.ObservePlatformCall(Name, operation, Stopwatch.GetElapsedTime(started), 1);
            throw;
        }
    }
}
