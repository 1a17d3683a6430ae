using System.ComponentModel;
using System.Globalization;
using Guv.Configuration;
using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Local;

/// <summary>
/// Runs each role's workers as child processes of guv. Like a Heroku formation it keeps a wanted count per role:
/// a crashed worker is reported and replaced (with a growing delay when it keeps crashing), and scale-down stops
/// the newest workers with SIGTERM, then SIGKILL after the role's <c>stop_timeout</c>.
/// </summary>
public sealed partial class LocalPlatform(TimeProvider time, ILogger<LocalPlatform> log) : IWorkerPlatform
{
    private readonly Dictionary<string, LocalRoleWorkers> _roles = new(StringComparer.Ordinal);
    private readonly List<Task> _stopping = [];
    private readonly List<(DateTimeOffset Started, LocalWorker Worker)> _ledger = [];
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public string Name => PlatformNames.Local;

    /// <summary>Seconds all workers have run so far, counting those still running up to now: what a per-second bill counts.</summary>
    public double WorkerSeconds()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            return _ledger.Sum(w => ((w.Worker.HasExited ? w.Worker.ExitedAt ?? now : now) - w.Started).TotalSeconds);
        }
    }

    /// <summary>Processes running now, stopping ones included.</summary>
    public int RunningProcesses()
    {
        lock (_gate)
        {
            return _ledger.Count(w => !w.Worker.HasExited);
        }
    }

    /// <summary>Process ids of the workers running now, stopping ones included.</summary>
    public IReadOnlyList<int> WorkerPids()
    {
        lock (_gate)
        {
            return _ledger.Where(w => !w.Worker.HasExited).Select(w => w.Worker.Pid).ToList();
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, PlatformResult>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            var workers = WorkersOf(role);
            ReapCrashed(workers);
            var error = Fill(role, workers);
            results[role.Name] = error is null ? PlatformResult.Ok(workers.Wanted) : PlatformResult.Failed(error);
        }

        return Task.FromResult<IReadOnlyDictionary<string, PlatformResult>>(results);
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken)
    {
        var results = new Dictionary<string, PlatformResult>(StringComparer.Ordinal);
        foreach (var request in requests)
        {
            var workers = WorkersOf(request.Role);
            workers.Wanted = request.To;
            workers.NextRestart = DateTimeOffset.MinValue;
            StopSurplus(request.Role, workers);
            var error = Fill(request.Role, workers);
            results[request.Role.Name] = error is null ? PlatformResult.Ok(workers.Wanted) : PlatformResult.Failed(error);
        }

        return Task.FromResult<IReadOnlyDictionary<string, PlatformResult>>(results);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) =>
        requests.Select(r => string.Create(CultureInfo.InvariantCulture,
            $"local: {r.Role.Name}: {(r.To > (r.From ?? 0) ? "start" : "stop")} workers to have {r.To} of '{r.Role.Command}'"))
        .ToList();

    /// <summary>
    /// The program and arguments of a role's workers: the command split into words and run as it is, never through
    /// a shell, unless the role says <c>shell: true</c>; then <c>/bin/sh -c command</c>.
    /// </summary>
    /// <exception cref="FormatException">A quote is not closed.</exception>
    public static IReadOnlyList<string> Argv(RoleOptions role) =>
        role.Shell && !string.IsNullOrWhiteSpace(role.Command)
            ? ["/bin/sh", "-c", role.Command]
            : CommandLine.Split(role.Command ?? "");

    /// <summary>Checks that a role's command can start: it splits, and its program exists and is executable.</summary>
    public static string? CheckCommand(RoleOptions role)
    {
        IReadOnlyList<string> argv;
        try
        {
            argv = Argv(role);
        }
        catch (FormatException e)
        {
            return $"role '{role.Name}': {e.Message}";
        }

        if (argv.Count == 0)
        {
            return $"role '{role.Name}': the local platform needs a command; add 'command: <program and arguments>'";
        }

        return CommandLine.Resolve(argv[0]) is null
            ? $"role '{role.Name}': the worker command '{argv[0]}' does not exist or is not executable; "
              + "install it, or give its full path in 'command'"
            : null;
    }

    /// <summary>Stops every worker: SIGTERM to all at once, each killed after its role's stop_timeout.</summary>
    public async ValueTask DisposeAsync()
    {
        List<Task> stops;
        lock (_gate)
        {
            stops = _roles.Values
                .SelectMany(r => r.Running.Select(w => w.StopAsync(r.StopTimeout)))
                .Concat(_stopping)
                .ToList();
            foreach (var role in _roles.Values)
            {
                role.Running.Clear();
                role.Wanted = 0;
            }
        }

        await Task.WhenAll(stops);
    }

    private LocalRoleWorkers WorkersOf(RoleOptions role)
    {
        lock (_gate)
        {
            if (!_roles.TryGetValue(role.Name, out var workers))
            {
                workers = new LocalRoleWorkers();
                _roles[role.Name] = workers;
            }

            workers.StopTimeout = TimeSpan.FromSeconds(role.StopTimeout);
            return workers;
        }
    }

    private void ReapCrashed(LocalRoleWorkers workers)
    {
        foreach (var crashed in workers.Running.Where(w => w.HasExited).ToList())
        {
            workers.Running.Remove(crashed);
            var now = time.GetUtcNow();
            var delay = workers.RecordCrash(now, crashed.Started);
            LogCrashed(log, crashed.Role, crashed.Index, crashed.ExitCode, delay.TotalSeconds);
        }
    }

    private void StopSurplus(RoleOptions role, LocalRoleWorkers workers)
    {
        var surplus = workers.Running.OrderByDescending(w => w.Started).ThenByDescending(w => w.Index)
            .Take(Math.Max(0, workers.Running.Count - workers.Wanted)).ToList();
        foreach (var worker in surplus)
        {
            workers.Running.Remove(worker);
            LogStopping(log, role.Name, worker.Index, worker.Pid);
            lock (_gate)
            {
                _stopping.RemoveAll(t => t.IsCompleted);
                _stopping.Add(worker.StopAsync(workers.StopTimeout));
            }
        }
    }

    private string? Fill(RoleOptions role, LocalRoleWorkers workers)
    {
        if (workers.Running.Count >= workers.Wanted || time.GetUtcNow() < workers.NextRestart)
        {
            return null;
        }

        IReadOnlyList<string> argv;
        try
        {
            argv = Argv(role);
        }
        catch (FormatException e)
        {
            return e.Message;
        }

        if (argv.Count == 0)
        {
            return $"role '{role.Name}' has no command to run";
        }

        while (workers.Running.Count < workers.Wanted)
        {
            var index = Enumerable.Range(1, int.MaxValue).First(i => workers.Running.All(w => w.Index != i));
            try
            {
                var worker = LocalWorker.Start(role.Name, index, argv, WorkerEnvironment(role, index), time, log);
                workers.Running.Add(worker);
                lock (_gate)
                {
                    _ledger.Add((worker.Started, worker));
                }

                LogStarted(log, role.Name, index, worker.Pid);
            }
            catch (Win32Exception e)
            {
                return $"cannot start the worker command '{argv[0]}' of role '{role.Name}': {e.Message}; "
                    + "check 'command' in the config";
            }
        }

        return null;
    }

    private static Dictionary<string, string> WorkerEnvironment(RoleOptions role, int index) => new()
    {
        ["GUV_ROLE"] = role.Name,
        ["GUV_WORKER_INDEX"] = index.ToString(CultureInfo.InvariantCulture),
        ["GUV_BROKER"] = role.Broker ?? "",
        ["GUV_QUEUE"] = role.Queue,
        ["GUV_CONCURRENCY"] = role.Concurrency.ToString(CultureInfo.InvariantCulture),
    };

    [LoggerMessage(EventId = 3010, Level = LogLevel.Debug, Message = "[{Role}.{Index}] started, pid {Pid}")]
    private static partial void LogStarted(ILogger log, string role, int index, int pid);

    [LoggerMessage(EventId = 3011, Level = LogLevel.Debug, Message = "[{Role}.{Index}] stopping, pid {Pid}: SIGTERM sent")]
    private static partial void LogStopping(ILogger log, string role, int index, int pid);

    [LoggerMessage(EventId = 3012, Level = LogLevel.Warning,
        Message = "[{Role}.{Index}] crashed with exit code {ExitCode}; replacing it in {DelaySeconds} s")]
    private static partial void LogCrashed(ILogger log, string role, int index, int exitCode, double delaySeconds);
}
