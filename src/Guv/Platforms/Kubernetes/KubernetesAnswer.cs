using System.Net;
using k8s.Models;

namespace Guv.Platforms.Kubernetes;

/// <summary>One answer of the API server to a scale subresource call: the Scale object, or a refusal.</summary>
/// <param name="Scale">The Scale object, when the call succeeded.</param>
/// <param name="Status">The HTTP status of a refusal.</param>
/// <param name="Message">The API server's message of a refusal (its Status object's <c>message</c>).</param>
internal sealed record KubernetesAnswer(V1Scale? Scale, HttpStatusCode? Status, string? Message)
{
    /// <summary>Why the answer is worth another attempt: the API server's side failed (5xx).</summary>
    public string? Transient => Status is { } s && (int)s >= 500 ? $"the API server answered {(int)s} {s}" : null;

    /// <summary>The replicas wanted: <c>spec.replicas</c>, which the API server omits when it is 0.</summary>
    public int Replicas => Scale?.Spec?.Replicas ?? 0;
}
