using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Guv.Tests.Support.Kubernetes;

/// <summary>
/// A loopback double of the Kubernetes API server's scale subresource of Deployments and StatefulSets: GET and PATCH
/// of <c>/apis/apps/v1/namespaces/{ns}/{deployments|statefulsets}/{name}/scale</c> answering <c>autoscaling/v1</c>
/// Scale objects and <c>v1</c> Status errors as the API server does (401, 403 from RBAC, 404, 409 conflicts, 415, 422),
/// plus failing or slow answers on demand. <see cref="WriteKubeConfig"/> writes a kubeconfig that points at it.
/// </summary>
public sealed partial class KubernetesDouble : IAsyncDisposable
{
    /// <summary>The bearer token the double accepts.</summary>
    public const string Token = "double-token-0123456789";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonObject> _objects = new(StringComparer.Ordinal);
    private readonly Queue<HttpStatusCode> _faults = new();
    private readonly HashSet<string> _forbiddenVerbs = new(StringComparer.Ordinal);
    private int _resourceVersion = 1000;
    private LoopbackServer _server = null!;

    private KubernetesDouble()
    {
    }

    /// <summary>The API server's address.</summary>
    public string Url => _server.Url.ToString().TrimEnd('/');

    /// <summary>How long each answer takes. Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Starts the double on a free loopback port.</summary>
    public static async Task<KubernetesDouble> StartAsync()
    {
        var server = new KubernetesDouble();
        server._server = await LoopbackServer.StartAsync(server.HandleAsync);
        return server;
    }

    /// <summary>Adds a Deployment (<c>deployments</c>) or StatefulSet (<c>statefulsets</c>) with its replicas.</summary>
    public void Add(string ns, string resource, string name, int replicas)
    {
        lock (_gate)
        {
            _objects[Key(ns, resource, name)] = new JsonObject
            {
                ["replicas"] = replicas,
                ["uid"] = Guid.NewGuid().ToString(),
                ["resourceVersion"] = _resourceVersion++,
            };
        }
    }

    /// <summary>The replicas an object wants now.</summary>
    public int Replicas(string ns, string resource, string name)
    {
        lock (_gate)
        {
            return (int)_objects[Key(ns, resource, name)]["replicas"]!;
        }
    }

    /// <summary>Scales by hand, as <c>kubectl scale</c> would.</summary>
    public void SetReplicas(string ns, string resource, string name, int replicas)
    {
        lock (_gate)
        {
            _objects[Key(ns, resource, name)]["replicas"] = replicas;
        }
    }

    /// <summary>Makes RBAC refuse a verb (<c>get</c> or <c>patch</c>) on the scale subresource (403).</summary>
    public void Forbid(string verb)
    {
        lock (_gate)
        {
            _forbiddenVerbs.Add(verb);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests with a status: 409 as a conflict, 5xx as a failure.</summary>
    public void FailNext(HttpStatusCode status, int count = 1)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue(status);
            }
        }
    }

    /// <summary>Writes a kubeconfig with one context, <c>double</c>, that reaches this server with a token.</summary>
    public string WriteKubeConfig(string directory, string token = Token, string? ns = null)
    {
        var path = Path.Combine(directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: double
              cluster:
                server: {Url}
            users:
            - name: guv
              user:
                token: {token}
            contexts:
            - name: double
              context:
                cluster: double
                user: guv{(ns is null ? "" : $"\n    namespace: {ns}")}
            current-context: double
            """);
        return path;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private static string Key(string ns, string resource, string name) => $"{ns}/{resource}/{name}";

    [GeneratedRegex("^/apis/apps/v1/namespaces/([^/]+)/(deployments|statefulsets)/([^/]+)/scale$")]
    private static partial Regex ScalePath();
}
