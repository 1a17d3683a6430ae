using Guv.Configuration;

namespace Guv.Platforms.Kubernetes;

/// <summary>The object a role scales: its kind, name and namespace.</summary>
internal sealed record KubernetesTarget(string Kind, string Name, string Namespace)
{
    /// <summary>The object of a role; the namespace falls back to the connection's, then to <c>default</c>.</summary>
    public static KubernetesTarget Of(RoleOptions role, string? connectionNamespace) =>
        new(role.Kind, role.Worker, role.Namespace ?? connectionNamespace ?? "default");

    /// <summary>The plural resource name: <c>deployments</c> or <c>statefulsets</c>.</summary>
    public string Resource => WorkloadKinds.Resource(Kind);

    /// <summary>The scale subresource's path.</summary>
    public string ScalePath => $"/apis/apps/v1/namespaces/{Namespace}/{Resource}/{Name}/scale";

    /// <inheritdoc />
    public override string ToString() => $"{Kind} '{Name}' in namespace '{Namespace}'";
}
