using System.Net;
using Guv.Configuration;
using Guv.Platforms;
using Guv.Platforms.Kubernetes;
using Guv.Tests.Support;
using Guv.Tests.Support.Kubernetes;

namespace Guv.Tests.Platforms.Kubernetes;

public sealed class KubernetesPlatformTests : IAsyncLifetime
{
    private static readonly RetryOptions FastRetries = new()
    {
        AttemptTimeout = TimeSpan.FromSeconds(5),
        FirstDelay = TimeSpan.FromMilliseconds(10),
        MaxDelay = TimeSpan.FromMilliseconds(40),
    };

    private readonly string _directory = Directory.CreateTempSubdirectory("guv-k8s-").FullName;
    private KubernetesDouble _cluster = null!;
    private string _kubeconfig = null!;

    public async Task InitializeAsync()
    {
        _cluster = await KubernetesDouble.StartAsync();
        _cluster.Add("workers", "deployments", "resizer", 2);
        _cluster.Add("workers", "statefulsets", "indexer", 0);
        _kubeconfig = _cluster.WriteKubeConfig(_directory, ns: "workers");
    }

    public async Task DisposeAsync()
    {
        await _cluster.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Read_DeploymentAndStatefulSet_GetsSpecReplicasOfTheScaleSubresource()
    {
        var config = Load("resize: {worker: resizer}\nindex: {worker: indexer, kind: StatefulSet}");
        await using var platform = Platform();

        var counts = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Equal(2, counts["resize"].Workers);
        Assert.Equal(0, counts["index"].Workers);
        Assert.Equal(
            ["/apis/apps/v1/namespaces/workers/deployments/resizer/scale", "/apis/apps/v1/namespaces/workers/statefulsets/indexer/scale"],
            _cluster.Requests.Select(r => r.Path).Order().ToArray());
        Assert.All(_cluster.Requests, r => Assert.Equal($"Bearer {KubernetesDouble.Token}", r.Authorization));
    }

    [Fact]
    public async Task Scale_ChangedRoles_OneMergePatchEachAndDescribePrintsExactlyThem()
    {
        var config = Load("resize: {worker: resizer}\nindex: {worker: indexer, kind: statefulset}");
        await using var platform = Platform();
        ScaleRequest[] requests = [new(config.Find("resize")!, 2, 5), new(config.Find("index")!, 0, 1)];

        var lines = platform.Describe(requests);
        var results = await platform.ScaleAsync(requests, CancellationToken.None);

        Assert.Equal(5, results["resize"].Workers);
        Assert.Equal(1, results["index"].Workers);
        Assert.Equal(5, _cluster.Replicas("workers", "deployments", "resizer"));
        Assert.Equal(1, _cluster.Replicas("workers", "statefulsets", "indexer"));
        Assert.All(_cluster.Requests, r =>
        {
            Assert.Equal("PATCH", r.Method);
            Assert.StartsWith("application/merge-patch+json", r.ContentType, StringComparison.Ordinal);
        });
        var sent = _cluster.Requests.Select(r => $"kubernetes: PATCH {_cluster.Url}{r.Path} (application/merge-patch+json) {r.Body}");
        Assert.Equal(sent.Order(), lines.Order());
    }

    [Fact]
    public async Task Read_NoSuchObject404_FailsThatRoleOnly()
    {
        var config = Load("resize: {worker: resizer}\nghost: {worker: ghost}");
        await using var platform = Platform();

        var counts = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Contains("no deployment 'ghost' in namespace 'workers' (Kubernetes 404", counts["ghost"].Error, StringComparison.Ordinal);
        Assert.Equal(2, counts["resize"].Workers);
    }

    [Fact]
    public async Task Scale_RbacForbids403_NamesTheVerbResourceAndFix()
    {
        var config = Load("resize: {worker: resizer}");
        await using var platform = Platform();
        _cluster.Forbid("patch");

        var results = await platform.ScaleAsync([new(config.Roles[0], 2, 3)], CancellationToken.None);

        var error = results["resize"].Error;
        Assert.Contains("forbids the kubeconfig", error, StringComparison.Ordinal);
        Assert.Contains("to patch deployments/scale in namespace 'workers' (403 Forbidden", error, StringComparison.Ordinal);
        Assert.Contains("deploy/kubernetes/rbac.yaml", error, StringComparison.Ordinal);
        Assert.Equal(2, _cluster.Replicas("workers", "deployments", "resizer"));
    }

    [Fact]
    public async Task Scale_Conflict409Once_SentAgainAndApplied()
    {
        var config = Load("resize: {worker: resizer}");
        await using var platform = Platform();
        _cluster.FailNext(HttpStatusCode.Conflict);

        var results = await platform.ScaleAsync([new(config.Roles[0], 2, 4)], CancellationToken.None);

        Assert.Equal(4, results["resize"].Workers);
        Assert.Equal(2, _cluster.Requests.Count);
    }

    [Fact]
    public async Task Scale_Conflict409Twice_ReportedAndLeftForTheNextTick()
    {
        var config = Load("resize: {worker: resizer}");
        await using var platform = Platform();
        _cluster.FailNext(HttpStatusCode.Conflict, count: 2);

        var results = await platform.ScaleAsync([new(config.Roles[0], 2, 4)], CancellationToken.None);

        Assert.Contains("409 Conflict twice", results["resize"].Error, StringComparison.Ordinal);
        Assert.Equal(2, _cluster.Replicas("workers", "deployments", "resizer"));
    }

    [Fact]
    public async Task Scale_ServerErrors_RetriedUntilAnswered()
    {
        var config = Load("resize: {worker: resizer}");
        await using var platform = Platform();
        _cluster.FailNext(HttpStatusCode.InternalServerError, count: 2);

        var results = await platform.ScaleAsync([new(config.Roles[0], 2, 3)], CancellationToken.None);

        Assert.Equal(3, results["resize"].Workers);
        Assert.Equal(3, _cluster.Requests.Count);
    }

    [Fact]
    public async Task Read_WrongToken401_SaysWhichCredentialsFailed()
    {
        var config = Load("resize: {worker: resizer}", _cluster.WriteKubeConfig(_directory, token: "stale-token"));
        await using var platform = Platform();

        var counts = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Contains("401 Unauthorized", counts["resize"].Error, StringComparison.Ordinal);
        Assert.DoesNotContain("stale-token", counts["resize"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_SlowApiServer_GivesUpAtTheBudget()
    {
        var config = Load("resize: {worker: resizer}");
        await using var platform = Platform(FastRetries with { AttemptTimeout = TimeSpan.FromMilliseconds(200) });
        _cluster.Delay = TimeSpan.FromSeconds(5);
        using var budget = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var counts = await platform.ReadAsync(config.Roles, budget.Token);

        Assert.Contains("no answer within 0.2 s", counts["resize"].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_MissingKubeconfigOrContext_SaysWhatToSet()
    {
        var missing = Load($"resize: {{kubeconfig: {_directory}/nope}}");
        var noContext = Load("resize: {context: elsewhere}");

        Assert.Contains("no kubeconfig at", KubernetesPlatform.Check(missing.Roles[0]), StringComparison.Ordinal);
        Assert.Contains("context 'elsewhere'", KubernetesPlatform.Check(noContext.Roles[0]), StringComparison.Ordinal);
        Assert.Null(KubernetesPlatform.Check(Load("resize: {}").Roles[0]));
    }

    [Fact]
    public void Load_UnknownKind_IsAConfigProblem()
    {
        var result = new ConfigLoader(_ => null).Check("resize: {platform: kubernetes, kind: daemonset}", "t.guv.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("kind", problem.Key);
        Assert.Contains("deployment, statefulset", problem.Fix, StringComparison.Ordinal);
    }

    private GuvConfig Load(string roles, string? kubeconfig = null) =>
        new ConfigLoader(name => name == "GUV_BROKER" ? "amqp://guest:guest@127.0.0.1:5672/" : null)
            .Load($"'*': {{platform: kubernetes, kubeconfig: '{kubeconfig ?? _kubeconfig}'}}\n{roles}", "k8s.guv.yaml");

    private static KubernetesPlatform Platform(RetryOptions? retry = null) =>
        new(TimeProvider.System, new ListLogger<KubernetesPlatform>(), retry ?? FastRetries);
}
