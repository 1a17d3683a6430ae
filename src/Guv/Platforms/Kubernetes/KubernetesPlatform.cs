using System.Collections.Concurrent;
using System.Globalization;
using Guv.Configuration;
using k8s;
using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Kubernetes;

/// <summary>
/// Scales Deployments and StatefulSets through their scale subresource (<c>GET</c> and a merge <c>PATCH</c> of
/// <c>/apis/apps/v1/namespaces/{ns}/{deployments|statefulsets}/{name}/scale</c>) with the official client. Kubernetes
/// has no batch call, so each changed role gets one PATCH per tick; roles run in parallel, so a slow one delays no other.
/// </summary>
public sealed partial class KubernetesPlatform(TimeProvider time, ILogger<KubernetesPlatform> log, RetryOptions? retry = null)
    : IWorkerPlatform
{
    private const string MergePatch = "application/merge-patch+json";

    private readonly RetryOptions _retry = retry ?? new RetryOptions();
    private readonly ConcurrentDictionary<KubernetesConnection, Lazy<Connected>> _clients = new();

    /// <inheritdoc />
    public string Name => PlatformNames.Kubernetes;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(roles.Select(async role =>
            (role.Name, Result: await CallAsync(role, null, cancellationToken))));
        return results.ToDictionary(r => r.Name, r => r.Result, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken)
    {
        var results = await Task.WhenAll(requests.Select(async request =>
            (request.Role.Name, Result: await CallAsync(request.Role, request.To, cancellationToken))));
        return results.ToDictionary(r => r.Name, r => r.Result, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) =>
        requests.Select(request =>
        {
            string host, ns;
            try
            {
                var connected = Connect(request.Role);
                (host, ns) = (connected.Host, KubernetesTarget.Of(request.Role, connected.Namespace).ScalePath);
            }
            catch (InvalidOperationException e)
            {
                (host, ns) = ($"<{e.Message}>", KubernetesTarget.Of(request.Role, null).ScalePath);
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"kubernetes: PATCH {host}{ns} ({MergePatch}) {PatchBody(request.To)}");
        }).ToList();

    /// <summary>Checks a role's cluster can be reached: its kubeconfig and context load, or guv runs in a cluster.</summary>
    public static string? Check(RoleOptions role)
    {
        try
        {
            KubernetesConnection.Of(role).Load();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return $"role '{role.Name}': {e.Message}";
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated))
        {
            client.Value.Client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private static string PatchBody(int replicas) =>
        "{\"spec\":{\"replicas\":" + replicas.ToString(CultureInfo.InvariantCulture) + "}}";

    private Connected Connect(RoleOptions role)
    {
        var connection = KubernetesConnection.Of(role);
        var lazy = _clients.GetOrAdd(connection, c => new Lazy<Connected>(() =>
        {
            var config = c.Load();
            return new Connected(new k8s.Kubernetes(config), config.Host.TrimEnd('/'), config.Namespace, c.Source);
        }));
        try
        {
            return lazy.Value;
        }
        catch (InvalidOperationException)
        {
            // A broken kubeconfig may be fixed while guv runs: try loading it again next time.
            _clients.TryRemove(connection, out _);
            throw;
        }
    }

    /// <summary>A client for one connection.</summary>
    private sealed record Connected(IKubernetes Client, string Host, string? Namespace, string Source);
}
