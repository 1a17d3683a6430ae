using Guv.Configuration;
using YamlDotNet.RepresentationModel;

namespace Guv.Tests.Deploy;

/// <summary>The manifests in deploy/kubernetes/ parse, fit together, and grant guv what it uses and no more.</summary>
public sealed class KubernetesManifestTests
{
    private static readonly Dictionary<string, YamlMappingNode> Objects = LoadObjects();

    [Fact]
    public void Manifests_HaveOneOfEachObjectGuvNeeds()
    {
        Assert.Equal(
            ["ConfigMap/guv-config", "Deployment/guv", "Role/guv-scaler", "RoleBinding/guv-scaler", "ServiceAccount/guv"],
            Objects.Keys.Order().ToArray());
        Assert.All(Objects.Values, o => Assert.Equal("workers", Text(o, "metadata", "namespace")));
    }

    [Fact]
    public void Role_AllowsGetAndPatchOnTheScaleOfDeploymentsAndStatefulSetsOnly()
    {
        var rule = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(Objects["Role/guv-scaler"], "rules")));

        Assert.Equal(["apps"], Strings(rule, "apiGroups"));
        Assert.Equal(["deployments/scale", "statefulsets/scale"], Strings(rule, "resources"));
        Assert.Equal(["get", "patch"], Strings(rule, "verbs"));
    }

    [Fact]
    public void RoleBinding_BindsTheRoleToTheServiceAccountTheDeploymentRunsAs()
    {
        var binding = Objects["RoleBinding/guv-scaler"];
        var subject = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(binding, "subjects")));
        var pod = Node(Objects["Deployment/guv"], "spec", "template", "spec");

        Assert.Equal("Role", Text(binding, "roleRef", "kind"));
        Assert.Equal("guv-scaler", Text(binding, "roleRef", "name"));
        Assert.Equal("ServiceAccount", Text(subject, "kind"));
        Assert.Equal("guv", Text(subject, "name"));
        Assert.Equal("workers", Text(subject, "namespace"));
        Assert.Equal("guv", Text(pod, "serviceAccountName"));
    }

    [Fact]
    public void Deployment_RunsOneGuvAtATimeFromTheConfigMap()
    {
        var deployment = Objects["Deployment/guv"];
        var container = Assert.IsType<YamlMappingNode>(Assert.Single(Sequence(Node(deployment, "spec", "template", "spec"), "containers")));
        var config = Sequence(container, "env").Cast<YamlMappingNode>().Single(e => Text(e, "name") == "GUV_CONFIG");

        Assert.Equal("1", Text(deployment, "spec", "replicas"));
        Assert.Equal("Recreate", Text(deployment, "spec", "strategy", "type"));
        Assert.Equal("run", Strings(container, "args")[0]);
        Assert.Equal("guv-config", Text(config, "valueFrom", "configMapKeyRef", "name"));
        Assert.NotNull(Text(Objects["ConfigMap/guv-config"], "data", Text(config, "valueFrom", "configMapKeyRef", "key")!));
    }

    [Fact]
    public void ConfigMap_ExampleConfigLoadsWithKubernetesRoles()
    {
        var text = Text(Objects["ConfigMap/guv-config"], "data", "workers.guv.yaml")!;

        var config = new ConfigLoader(name => name == "GUV_BROKER" ? "amqp://guest:guest@rabbitmq:5672/" : null)
            .Load(text, "deploy/kubernetes/guv.yaml");

        Assert.NotEmpty(config.Roles);
        Assert.All(config.Roles, r => Assert.Equal(PlatformNames.Kubernetes, r.Platform));
        Assert.Contains(config.Roles, r => r.Kind == WorkloadKinds.StatefulSet);
    }

    private static Dictionary<string, YamlMappingNode> LoadObjects()
    {
        var folder = Path.Combine(RepositoryRoot(), "deploy", "kubernetes");
        var objects = new Dictionary<string, YamlMappingNode>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(folder, "*.yaml"))
        {
            var stream = new YamlStream();
            using var reader = new StreamReader(file);
            stream.Load(reader);
            foreach (var document in stream.Documents)
            {
                var root = (YamlMappingNode)document.RootNode;
                objects.Add($"{Text(root, "kind")}/{Text(root, "metadata", "name")}", root);
            }
        }

        return objects;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "guv.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("guv.sln not found above the test binaries");
    }

    private static YamlNode Node(YamlNode node, params string[] path) =>
        path.Aggregate(node, (current, key) => ((YamlMappingNode)current).Children[new YamlScalarNode(key)]);

    private static string? Text(YamlNode node, params string[] path) => ((YamlScalarNode)Node(node, path)).Value;

    private static YamlSequenceNode Sequence(YamlNode node, params string[] path) => (YamlSequenceNode)Node(node, path);

    private static string[] Strings(YamlNode node, string key) =>
        Sequence(node, key).Cast<YamlScalarNode>().Select(s => s.Value!).ToArray();
}
