using System.Diagnostics;
using System.Net;
using System.Globalization;
using System.Text.Json.Nodes;
using Guv.IntegrationTests.Support;
using Guv.Leadership;
using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;
using Npgsql;

namespace Guv.IntegrationTests.Leadership;

/// <summary>
/// Two real <c>guv run</c> processes on one PostgreSQL (issue #6): exactly one applies, and the other takes over
/// when it dies. The local platform makes it visible who applied: each worker writes its guv's name to a file.
/// The queue is a loopback double of the management API, so the test controls the jobs.
/// </summary>
public sealed class TwoInstancesTests : IDisposable
{
    private const int PollSeconds = 1;
    private const int LeaseSeconds = 3;
    private readonly TestFolder _folder = new();
    private readonly string _started;
    private readonly string _worker;
    private int _jobs;

    public TwoInstancesTests()
    {
        _started = Path.Combine(_folder.Path, "started");
        _worker = Path.Combine(_folder.Path, "named-worker.sh");
        File.WriteAllText(_worker, $"#!/bin/sh\necho \"$GUV_TEST_INSTANCE $$\" >> '{_started}'\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_worker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public void Dispose()
    {
        // A killed guv leaves its workers running: end them, by the pids they wrote, and nothing else.
        foreach (var (_, pid) in Started())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // already gone
            }
        }

        _folder.Dispose();
    }

    [Fact]
    public async Task LeaderKilled_StandbyAppliesWithinPollIntervalPlusLease()
    {
        await using var management = await StartManagementAsync();
        await ClearLeaseAsync();
        var config = Config(management.Url);

        await using var a = await StartAsync("a", config);
        await WaitForAsync(a, "leader");
        await WaitUntilAsync(() => Started().Any(s => s.Instance == "a"), "the leader started its worker", a);
        await using var b = await StartAsync("b", config);
        await WaitForAsync(b, "standby");
        await Task.Delay(TimeSpan.FromSeconds(3 * PollSeconds)); // ticks in which b decides the same scale-up

        Assert.Equal(["a"], Started().Select(s => s.Instance));
        Assert.Contains("guv_leader 1", await a.Http.GetStringAsync("metrics"), StringComparison.Ordinal);
        Assert.Contains("guv_leader 0", await b.Http.GetStringAsync("metrics"), StringComparison.Ordinal);
        Assert.Contains("standby", await b.Http.GetStringAsync("healthz"), StringComparison.Ordinal);

        var killed = Stopwatch.StartNew();
        await a.KillAsync();
        await WaitUntilAsync(() => Started().Any(s => s.Instance == "b"), "the standby started a worker", b);
        var takeover = killed.Elapsed;

        // The bound the design promises, plus slack for starting a process on a busy machine.
        Assert.True(takeover < TimeSpan.FromSeconds(PollSeconds + LeaseSeconds + 3),
            $"the standby took {takeover.TotalSeconds:0.0} s to apply after the leader died\n{b.Output}");
        Assert.Equal("leader", (await b.StateAsync())["leadership"]?.GetValue<string>());
        Assert.Contains("leader: this guv", b.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeaseTakenByAnother_LeaderStopsApplyingAtOnce_AndResumesWhenItIsFree()
    {
        await using var management = await StartManagementAsync();
        await ClearLeaseAsync();
        await using var a = await StartAsync("a", Config(management.Url));
        await WaitForAsync(a, "leader");
        await WaitUntilAsync(() => Started().Count == 1, "the leader started its worker", a);

        // As if a partition had let another guv take the lease: the old leader must notice at its next renewal.
        await ExecuteAsync("UPDATE guv_leases SET holder = 'other-guv/1/00000', expires_at = now() + interval '1 hour' "
            + "WHERE name = 'guv'");
        Interlocked.Exchange(ref _jobs, 500);
        await WaitForAsync(a, "standby");
        var state = await a.WaitForStateAsync(s => s["roles"]![0]!["last"]!["desired"]?.GetValue<int>() == 3,
            TimeSpan.FromSeconds(10), "a decision to scale up to 3");
        await Task.Delay(TimeSpan.FromSeconds(3 * PollSeconds));

        Assert.Single(Started());
        Assert.Equal("other-guv/1/00000", state["leader"]?.GetValue<string>());
        Assert.Contains("standby: other-guv/1/00000 holds the lease", a.Output, StringComparison.Ordinal);

        await ExecuteAsync("DELETE FROM guv_leases WHERE name = 'guv'");
        await WaitUntilAsync(() => Started().Count == 3, "the scale-up once the lease was free again", a);
    }

    [Fact]
    public async Task LeaderCutOffFromTheDatabase_StopsApplying_WhileTheStandbyTakesOver()
    {
        await using var management = await StartManagementAsync();
        await ClearLeaseAsync();
        var config = Config(management.Url);
        var database = new Uri(TestServices.Postgres);
        await using var proxy = new TcpProxy(new IPEndPoint(IPAddress.Loopback, database.Port));
        var throughProxy = new UriBuilder(database) { Port = proxy.Port }.Uri.ToString();

        await using var a = await StartAsync("a", config, throughProxy);
        await WaitForAsync(a, "leader");
        await WaitUntilAsync(() => Started().Count(s => s.Instance == "a") == 1, "the leader started its worker", a);
        await using var b = await StartAsync("b", config);
        await WaitForAsync(b, "standby");

        proxy.Cut();
        Interlocked.Exchange(ref _jobs, 500);
        await WaitForAsync(a, "standby");
        await WaitUntilAsync(() => Started().Count(s => s.Instance == "b") == 3, "the new leader's scale-up to 3", b);
        await Task.Delay(TimeSpan.FromSeconds(3 * PollSeconds));

        Assert.Equal(1, Started().Count(s => s.Instance == "a"));
        Assert.Equal("standby", (await a.StateAsync())["leadership"]?.GetValue<string>());
        Assert.Contains("leadership lost: the lease could not be renewed", a.Output, StringComparison.Ordinal);
    }

    private string Config(Uri management) => string.Create(CultureInfo.InvariantCulture, $"""
        '*': {"{"}pollinterval: {PollSeconds}, platform: local, stop_timeout: 1, minimum: 1, maximum: 3, processing: 1,
              deadline: 10, boot: 1, broker: 'amqp://guest:guest@127.0.0.1:5672/', management: '{management}'{"}"}
        work: {"{"}command: '{_worker}'{"}"}
        """);

    private async Task<GuvProcess> StartAsync(string instance, string config, string? database = null)
    {
        var folder = Directory.CreateDirectory(Path.Combine(_folder.Path, instance)).FullName;
        return await GuvProcess.StartAsync(folder, config,
            new Dictionary<string, string> { ["GUV_TEST_INSTANCE"] = instance },
            "--history-db", database ?? TestServices.Postgres, "--lease-seconds", LeaseSeconds.ToString(CultureInfo.InvariantCulture));
    }

    private Task<LoopbackServer> StartManagementAsync() => LoopbackServer.StartAsync(async (context, _) =>
    {
        var jobs = Volatile.Read(ref _jobs);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(
            $$"""[{"name":"work","messages":{{jobs}},"messages_ready":{{jobs}},"messages_unacknowledged":0,"consumers":0}]""");
    });

    private List<(string Instance, int Pid)> Started() => File.Exists(_started)
        ? File.ReadAllLines(_started)
            .Select(line => line.Split(' '))
            .Where(parts => parts.Length == 2)
            .Select(parts => (parts[0], int.Parse(parts[1], CultureInfo.InvariantCulture)))
            .ToList()
        : [];

    private static Task<JsonNode> WaitForAsync(GuvProcess guv, string leadership) =>
        guv.WaitForStateAsync(s => s["at"] is not null && s["leadership"]?.GetValue<string>() == leadership,
            TimeSpan.FromSeconds(20), $"leadership '{leadership}'");

    private static async Task WaitUntilAsync(Func<bool> condition, string what, GuvProcess guv)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within 20 s; guv printed:\n{guv.Output}");
            }

            await Task.Delay(100);
        }
    }

    private static async Task ClearLeaseAsync()
    {
        await using (var store = new PostgresLeaseStore(TestServices.Postgres))
        {
            await store.InitializeAsync(CancellationToken.None);
        }

        await ExecuteAsync("DELETE FROM guv_leases WHERE name = 'guv'");
    }

    private static async Task ExecuteAsync(string sql)
    {
        await using var source = NpgsqlDataSource.Create(Guv.History.PostgresUrl.ToConnectionString(TestServices.Postgres));
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }
}
