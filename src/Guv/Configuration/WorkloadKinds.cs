namespace Guv.Configuration;

/// <summary>The values the <c>kind</c> key takes: which Kubernetes object a role's <c>worker</c> names.</summary>
public static class WorkloadKinds
{
    /// <summary>An <c>apps/v1</c> Deployment.</summary>
    public const string Deployment = "deployment";

    /// <summary>An <c>apps/v1</c> StatefulSet.</summary>
    public const string StatefulSet = "statefulset";

    /// <summary>Every kind the loader accepts.</summary>
    public static readonly IReadOnlyList<string> All = [Deployment, StatefulSet];

    /// <summary>
    /// The canonical name of a kind written in any case (<c>StatefulSet</c> as in a manifest, or <c>statefulset</c>),
    /// or null when it is none of <see cref="All"/>.
    /// </summary>
    public static string? Normalize(string? written) =>
        written is null ? null : All.FirstOrDefault(k => string.Equals(k, written.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The resource name in API paths: <c>deployments</c> or <c>statefulsets</c>.</summary>
    public static string Resource(string kind) => kind + "s";
}
