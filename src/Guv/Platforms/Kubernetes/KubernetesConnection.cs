using Guv.Configuration;
using k8s;
using k8s.Exceptions;

namespace Guv.Platforms.Kubernetes;

/// <summary>
/// Where a role's cluster is and how guv signs in: its <c>kubeconfig</c> and <c>context</c>, else the in-cluster
/// service account when guv runs in a pod, else <c>KUBECONFIG</c> or <c>~/.kube/config</c>, as kubectl looks.
/// </summary>
internal sealed record KubernetesConnection(string? KubeConfig, string? Context)
{
    /// <summary>The connection of a role.</summary>
    public static KubernetesConnection Of(RoleOptions role) => new(role.KubeConfig, role.KubeContext);

    /// <summary>Where the credentials come from, for messages.</summary>
    public string Source => UsesInCluster
        ? "the in-cluster service account"
        : $"the kubeconfig {ConfigFile}" + (Context is null ? "" : $" (context '{Context}')");

    private bool UsesInCluster => KubeConfig is null && Context is null && KubernetesClientConfiguration.IsInCluster();

    private string ConfigFile => KubeConfig ?? DefaultConfigFile();

    private static string DefaultConfigFile() =>
        Environment.GetEnvironmentVariable("KUBECONFIG")?.Split(Path.PathSeparator)[0] is { Length: > 0 } fromEnv
            ? fromEnv
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");

    /// <summary>Builds the client configuration; reads files but sends nothing.</summary>
    /// <exception cref="InvalidOperationException">
    /// The configuration cannot be loaded; the message says why and how to fix it.
    /// </exception>
    public KubernetesClientConfiguration Load()
    {
        if (UsesInCluster)
        {
            return KubernetesClientConfiguration.InClusterConfig();
        }

        var file = ConfigFile;
        if (!File.Exists(file))
        {
            throw new InvalidOperationException(
                $"no Kubernetes config: guv is not running in a cluster and there is no kubeconfig at {file}; set "
                + "'kubeconfig' (and 'context') in the config, or KUBECONFIG, or run guv in a pod with a service account");
        }

        KubernetesClientConfiguration configuration;
        try
        {
            configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(file, Context);
        }
        catch (Exception e) when (e is KubeConfigException or IOException or UnauthorizedAccessException
                                      or YamlDotNet.Core.YamlException or ArgumentException)
        {
            throw new InvalidOperationException(
                $"cannot use {Source}: {e.Message.TrimEnd('.')}; fix 'kubeconfig' or 'context' in the config", e);
        }

        // Issue #6: guv never skips TLS verification, here neither: it would hand the cluster token to any server.
        return configuration.SkipTlsVerify
            ? throw new InvalidOperationException($"{Source} sets insecure-skip-tls-verify, which guv refuses: it would "
                + "send the cluster's credentials to whoever answers; give the cluster's CA with certificate-authority "
                + "or certificate-authority-data instead")
            : configuration;
    }
}
