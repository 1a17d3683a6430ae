using Guv.Tests.Support;

namespace Guv.Tests.Cli;

/// <summary>What a user sees for a mistake: one clear line naming the cause, exit code 1, never a stack trace.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("guv-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static void AssertNoStackTrace(GuvProcess.Result result)
    {
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoConfig_SaysHowToGiveOne()
    {
        var result = await GuvProcess.RunAsync(["run"]);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("guv: no config: give a config file, or put the config's YAML text in the GUV_CONFIG",
            result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Trim().Split('\n'));
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_ConfigFileMissing_NamesThePath()
    {
        var missing = Path.Combine(_dir, "nope.guv.yaml");
        var result = await GuvProcess.RunAsync(["run", "--config", missing]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{missing}: cannot read the config: no such file", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_YamlDoesNotParse_NamesTheLine()
    {
        var path = Write("broken.guv.yaml", "worker:\n  processing: 10\n deadline: [60\n");
        var result = await GuvProcess.RunAsync(["run", "--config", path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Matches($@"^guv: {System.Text.RegularExpressions.Regex.Escape(path)}:3:\d+: the text is not valid YAML", result.Stderr);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_WorkerCommandMissing_NamesTheCommand()
    {
        var path = Write("missing-command.guv.yaml", """
            worker:
              broker: amqp://guest:guest@127.0.0.1:5672/
              platform: local
              command: no-such-worker-program --fast
            """);
        var result = await GuvProcess.RunAsync(["run", "--config", path]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the worker command 'no-such-worker-program' does not exist", result.Stderr, StringComparison.Ordinal);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_ConfigFromEnvironment_IsUsed()
    {
        var result = await GuvProcess.RunAsync(["run", "--once", "--dry-run"],
            new Dictionary<string, string?> { ["GUV_CONFIG"] = "worker: {platform: local, command: nonexistent-cmd}" });

        // The config was read from GUV_CONFIG: the failure is about its content, not about a missing config.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("role 'worker': no broker", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("'nonexistent-cmd' does not exist", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownCommand_ExitsWithUsageCode()
    {
        var result = await GuvProcess.RunAsync(["frobnicate"]);

        Assert.Equal(2, result.ExitCode);
        AssertNoStackTrace(result);
    }

    [Fact]
    public async Task Run_BrokerUnreachable_ReportsEveryTickAndKeepsRunning()
    {
        var path = Write("unreachable.guv.yaml", """
            '*':
              pollinterval: 1
            worker:
              broker: amqp://guest:guest@127.0.0.1:1/
              management: http://127.0.0.1:1/
              platform: local
              command: /bin/sleep 30
              minimum: 0
            """);
        using var process = GuvProcess.Start(["run", "--config", path]);
        process.StandardInput.Close();
        var lines = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => lines.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        int Reports() => lines.Count(l => l.Contains("worker: queue not read", StringComparison.Ordinal)
            && l.Contains("cannot reach the management API at http://127.0.0.1:1/", StringComparison.Ordinal));

        // One report per tick (every second); wait for three, however slowly the machine starts guv.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (Reports() < 3 && clock.Elapsed < TimeSpan.FromSeconds(30) && !process.HasExited)
        {
            await Task.Delay(100);
        }

        Assert.False(process.HasExited, "guv exited although it should keep retrying:\n" + string.Join('\n', lines));
        Assert.True(Reports() >= 3, $"expected a report every tick, got {Reports()}:\n{string.Join('\n', lines)}");
        Assert.True(Guv.Platforms.Local.PosixSignals.Terminate(process.Id));
        await process.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
        Assert.Equal(0, process.ExitCode);
    }
}
