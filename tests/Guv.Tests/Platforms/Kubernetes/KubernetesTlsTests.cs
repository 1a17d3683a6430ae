using Guv.Configuration;
using Guv.Platforms.Kubernetes;

namespace Guv.Tests.Platforms.Kubernetes;

/// <summary>A kubeconfig that turns TLS verification off is refused, not followed (issue #6).</summary>
public sealed class KubernetesTlsTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("guv-k8s-tls-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Check_KubeconfigSkippingTlsVerification_IsRefused(bool skip)
    {
        var path = Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(path, $"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: c
              cluster:
                server: https://127.0.0.1:9
                insecure-skip-tls-verify: {(skip ? "true" : "false")}
            users:
            - name: u
              user:
                token: t
            contexts:
            - name: c
              context: {"{"}cluster: c, user: u{"}"}
            current-context: c
            """);
        var config = new ConfigLoader(_ => null).Load($"w: {{platform: kubernetes, kubeconfig: '{path}'}}", "t.guv.yaml");

        var error = KubernetesPlatform.Check(config.Roles[0]);

        if (skip)
        {
            Assert.Contains("insecure-skip-tls-verify, which guv refuses", error, StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error);
        }
    }
}
