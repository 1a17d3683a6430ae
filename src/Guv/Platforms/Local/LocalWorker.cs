using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Local;

/// <summary>One worker process of a role on this machine.</summary>
internal sealed partial class LocalWorker
{
    private readonly Process _process;
    private readonly ILogger _log;

    private LocalWorker(string role, int index, Process process, DateTimeOffset started, ILogger log)
    {
        Role = role;
        Index = index;
        _process = process;
        Started = started;
        _log = log;
    }

    public string Role { get; }

    public int Index { get; }

    public DateTimeOffset Started { get; }

    public int Pid => _process.Id;

    /// <summary>True once guv asked the worker to stop; a stopping worker no longer counts.</summary>
    public bool Stopping { get; private set; }

    public bool HasExited => _process.HasExited;

    /// <summary>When the process exited, by guv's clock; null while it runs.</summary>
    public DateTimeOffset? ExitedAt { get; private set; }

    public int ExitCode => _process.ExitCode;

    /// <summary>Completes when the process has exited and its output is read.</summary>
    public Task Exited => _process.WaitForExitAsync();

    /// <summary>Starts a worker; the program must exist (see <see cref="CommandLine.Resolve"/>).</summary>
    public static LocalWorker Start(
        string role,
        int index,
        IReadOnlyList<string> argv,
        IReadOnlyDictionary<string, string> environment,
        TimeProvider time,
        ILogger log)
    {
        var info = new ProcessStartInfo(argv[0])
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in argv.Skip(1))
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var worker = new LocalWorker(role, index, process, time.GetUtcNow(), log);
        process.Exited += (_, _) => worker.ExitedAt = time.GetUtcNow();
        process.OutputDataReceived += (_, e) => worker.Relay(e.Data, error: false);
        process.ErrorDataReceived += (_, e) => worker.Relay(e.Data, error: true);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return worker;
    }

    /// <summary>Sends SIGTERM, waits up to <paramref name="timeout"/> for the worker to finish its job, then kills it.</summary>
    public async Task StopAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        Stopping = true;
        if (_process.HasExited)
        {
            return;
        }

        PosixSignals.Terminate(_process.Id);
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            LogKilled(_log, Role, Index, timeout.TotalSeconds);
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private void Relay(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        if (error)
        {
            LogWorkerError(_log, Role, Index, line);
        }
        else
        {
            LogWorkerOutput(_log, Role, Index, line);
        }
    }

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "[{Role}.{Index}] {Line}")]
    private static partial void LogWorkerOutput(ILogger log, string role, int index, string line);

    [LoggerMessage(EventId = 3002, Level = LogLevel.Warning, Message = "[{Role}.{Index}] {Line}")]
    private static partial void LogWorkerError(ILogger log, string role, int index, string line);

    [LoggerMessage(EventId = 3003, Level = LogLevel.Warning,
        Message = "[{Role}.{Index}] did not stop within {Seconds} s of SIGTERM; killed")]
    private static partial void LogKilled(ILogger log, string role, int index, double seconds);
}
