using System.Diagnostics;
using Guv.Configuration;
using Guv.Platforms;
using Guv.Platforms.Local;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Platforms.Local;

/// <summary>The local platform with real child processes (small sh scripts), as guv runs them.</summary>
public sealed class LocalPlatformTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("guv-local-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private RoleOptions Role(string script, double stopTimeout = 5)
    {
        var path = Path.Combine(_dir, "worker.sh");
        File.WriteAllText(path, "#!/bin/sh\n" + script.Replace("$DIR", _dir, StringComparison.Ordinal));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new RoleOptions
        {
            Name = "images", Worker = "images", Queue = "images-q", Platform = PlatformNames.Local,
            Command = $"\"{path}\" --flag", Broker = "amqp://guest:guest@127.0.0.1:5672/", StopTimeout = stopTimeout,
        };
    }

    private static LocalPlatform Platform() => new(TimeProvider.System, NullLogger<LocalPlatform>.Instance);

    private static async Task Eventually(Func<bool> condition, string what, double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds, $"timed out waiting for: {what}");
            await Task.Delay(50);
        }
    }

    private const string Sleeper = """
        trap 'echo done > "$DIR/term.$GUV_WORKER_INDEX"; exit 0' TERM
        echo "$GUV_ROLE $GUV_WORKER_INDEX $GUV_QUEUE $GUV_BROKER $1" > "$DIR/env.$GUV_WORKER_INDEX"
        while true; do sleep 0.05; done
        """;

    [Fact]
    public async Task Scale_Up_StartsWorkersWithTheirEnvironment()
    {
        var role = Role(Sleeper);
        await using var platform = Platform();

        var result = await platform.ScaleAsync([new ScaleRequest(role, 0, 2)], CancellationToken.None);

        Assert.Equal(2, result["images"].Workers);
        await Eventually(() => File.Exists(Path.Combine(_dir, "env.2")), "both workers to write their env");
        Assert.Equal("images 1 images-q amqp://guest:guest@127.0.0.1:5672/ --flag",
            File.ReadAllText(Path.Combine(_dir, "env.1")).Trim());
        Assert.Equal(2, platform.RunningProcesses());
    }

    [Fact]
    public async Task Scale_Down_SendsSigtermToTheNewestAndLetsItFinish()
    {
        var role = Role(Sleeper);
        await using var platform = Platform();
        await platform.ScaleAsync([new ScaleRequest(role, 0, 2)], CancellationToken.None);
        await Eventually(() => File.Exists(Path.Combine(_dir, "env.2")), "workers to start");

        await platform.ScaleAsync([new ScaleRequest(role, 2, 1)], CancellationToken.None);

        await Eventually(() => File.Exists(Path.Combine(_dir, "term.2")), "the newest worker to get SIGTERM");
        await Eventually(() => platform.RunningProcesses() == 1, "the stopped worker to exit");
        Assert.False(File.Exists(Path.Combine(_dir, "term.1")));
    }

    [Fact]
    public async Task Scale_Down_KillsAWorkerThatIgnoresSigtermAfterStopTimeout()
    {
        var role = Role("trap '' TERM\ntouch \"$DIR/ready\"\nwhile true; do sleep 0.05; done", stopTimeout: 3);
        await using var platform = Platform();
        await platform.ScaleAsync([new ScaleRequest(role, 0, 1)], CancellationToken.None);
        await Eventually(() => File.Exists(Path.Combine(_dir, "ready")), "the worker to start ignoring SIGTERM");
        var clock = Stopwatch.StartNew();

        await platform.ScaleAsync([new ScaleRequest(role, 1, 0)], CancellationToken.None);

        await Task.Delay(500);
        Assert.Equal(1, platform.RunningProcesses()); // still within its stop_timeout
        await Eventually(() => platform.RunningProcesses() == 0, "SIGKILL after stop_timeout", seconds: 10);
        Assert.True(clock.Elapsed.TotalSeconds >= 2.9);
    }

    [Fact]
    public async Task Read_CrashedWorker_IsReplaced()
    {
        // Each start appends a line; the first run crashes at once, later ones stay up.
        var role = Role("""
            echo start >> "$DIR/starts"
            if [ "$(wc -l < "$DIR/starts")" -eq 1 ]; then exit 3; fi
            while true; do sleep 0.05; done
            """);
        await using var platform = Platform();
        await platform.ScaleAsync([new ScaleRequest(role, 0, 1)], CancellationToken.None);
        await Eventually(() => platform.RunningProcesses() == 0, "the first worker to crash");

        // The crash is noticed at the next read; the replacement waits out a short backoff.
        await Eventually(() =>
        {
            var read = platform.ReadAsync([role], CancellationToken.None).Result;
            Assert.Equal(1, read["images"].Workers); // the wanted count stays 1 throughout
            return File.ReadAllLines(Path.Combine(_dir, "starts")).Length == 2;
        }, "a replacement worker", seconds: 10);
        await Eventually(() => platform.RunningProcesses() == 1, "the replacement to keep running");
    }

    [Fact]
    public async Task Dispose_StopsEveryWorker()
    {
        var role = Role(Sleeper);
        var platform = Platform();
        await platform.ScaleAsync([new ScaleRequest(role, 0, 3)], CancellationToken.None);
        await Eventually(() => File.Exists(Path.Combine(_dir, "env.3")), "workers to start");
        var pids = platform.WorkerPids();

        await platform.DisposeAsync();

        Assert.Equal(3, pids.Count);
        Assert.Equal(0, platform.RunningProcesses());
        Assert.Equal(3, Directory.GetFiles(_dir, "term.*").Length);
    }

    [Theory]
    [InlineData("no-such-program-xyz", "does not exist")]
    [InlineData("'unclosed", "unclosed ' quote")]
    [InlineData("", "needs a command")]
    public void CheckCommand_Unusable_SaysWhy(string command, string expected)
    {
        var role = Role(Sleeper) with { Command = command };
        Assert.Contains(expected, LocalPlatform.CheckCommand(role), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dotnet worker.dll --boot 3", new[] { "dotnet", "worker.dll", "--boot", "3" })]
    [InlineData("\"/path with/space\" 'a b' c\\ d", new[] { "/path with/space", "a b", "c d" })]
    [InlineData("echo $HOME; rm -rf /", new[] { "echo", "$HOME;", "rm", "-rf", "/" })]
    public void Split_LikeAShellButWithoutOne(string command, string[] expected)
    {
        Assert.Equal(expected, CommandLine.Split(command));
    }
}
