using System.Diagnostics;
using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;
using Guv.Platforms;
using Guv.Queues;
using Microsoft.Extensions.Logging;

namespace Guv.Governor;

/// <summary>
/// The loop: each tick reads every queue and every role's workers, asks each role's policy for a decision, and
/// applies the changes, one platform batch per tick. Roles are independent: one that cannot be read is reported and
/// left as it is, never scaled down for missing data, while the others go on.
/// </summary>
public sealed partial class Governor(
    GuvConfig config,
    IQueueSource queues,
    PlatformSet platforms,
    TimeProvider time,
    ILogger<Governor> log,
    GovernorOptions? options = null)
{
    private readonly GovernorOptions _options = options ?? new GovernorOptions();
    private readonly Dictionary<string, RoleHistory> _histories = new(StringComparer.Ordinal);

    // The count each role had when guv last read or scaled it, to notice when someone else changed it.
    private readonly Dictionary<string, int> _lastCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _failedReads = new(StringComparer.Ordinal);
    private GuvConfig _config = config;
    private GuvConfig? _pending;

    // True after a tick in which MayApply said no: then another guv changes the workers, which is no drift.
    private bool _standby;

    /// <summary>The config in force.</summary>
    public GuvConfig Config => _config;

    /// <summary>The last tick's report, or null before the first tick.</summary>
    public TickReport? LastTick { get; private set; }

    /// <summary>Raised after every tick.</summary>
    public event Action<TickReport>? Ticked;

    /// <summary>Replaces the config from the next tick on; each role keeps its history.</summary>
    public void Reload(GuvConfig next) => Volatile.Write(ref _pending, next);

    /// <summary>The history of a role (created empty when the role is new).</summary>
    public RoleHistory HistoryOf(string role)
    {
        if (!_histories.TryGetValue(role, out var history))
        {
            var config = _config;
            history = config.Find(role) is { } options
                ? new RoleHistory(RoleHistory.CapacityFor(options, config.PollInterval))
                : new RoleHistory();
            _histories[role] = history;
        }

        return history;
    }

    /// <summary>Ticks every poll interval until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            await TickAsync(cancellationToken);
            var wait = TimeSpan.FromSeconds(_config.PollInterval) - time.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                try
                {
                    await Task.Delay(wait, time, cancellationToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }
    }

    /// <summary>Runs one tick: read, decide, apply.</summary>
    public async Task<TickReport> TickAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _pending, null) is { } next)
        {
            _config = next;
            LogReloaded(log, next.Source, next.Roles.Count);
        }

        var config = _config;
        var at = time.GetUtcNow();
        var stopwatch = Stopwatch.StartNew();
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(TimeSpan.FromSeconds(config.PollInterval * _options.TickBudgetShare));

        var refs = QueueRefs(config, out var addressErrors);
        // Queues and workers are read at once: a slow broker must not eat the time the platform read needs.
        var readingsTask = ReadQueuesAsync(refs.Values.Distinct().ToList(), budget.Token);
        var countsTask = ReadWorkersAsync(config.Roles, budget.Token);
        var readings = await readingsTask;
        var counts = await countsTask;

        var ticks = new Dictionary<string, RoleTick>(StringComparer.Ordinal);
        var requests = new List<ScaleRequest>();
        foreach (var role in config.Roles)
        {
            var tick = Decide(role, config, at, addressErrors, refs, readings, counts);
            ticks[role.Name] = tick;
            if (tick.Decision?.Next is { } target && target != tick.Workers)
            {
                requests.Add(new ScaleRequest(role, tick.Workers, target));
            }
        }

        _standby = !await MayApplyAsync(budget.Token);
        await ApplyAsync(requests, ticks, _standby, budget.Token);
        var report = new TickReport(at, config.Roles.Select(r => ticks[r.Name]).ToList(), stopwatch.Elapsed);
        LastTick = report;
        Ticked?.Invoke(report);
        return report;
    }

    private RoleTick Decide(
        RoleOptions role,
        GuvConfig config,
        DateTimeOffset at,
        Dictionary<string, string> addressErrors,
        Dictionary<string, QueueRef> refs,
        IReadOnlyDictionary<QueueRef, QueueReading> readings,
        IReadOnlyDictionary<string, PlatformResult> counts)
    {
        var platform = counts.GetValueOrDefault(role.Name);
        if (addressErrors.TryGetValue(role.Name, out var addressError))
        {
            LogReadFailed(log, role.Name, addressError);
            return Unread(role, platform, addressError, "broker_address");
        }

        var reading = readings.GetValueOrDefault(refs[role.Name]);
        if (reading?.Stats is not { } stats)
        {
            var error = reading?.Detail ?? "the queue was not read within the tick's time budget";
            LogReadFailed(log, role.Name, error);
            return Unread(role, platform, error, reading?.Error is { } kind ? SnakeCase(kind.ToString()) : "timeout");
        }

        _failedReads.Remove(role.Name);

        if (platform?.Error is { } platformError)
        {
            // Without the current count a decision could scale down a role that is busy: leave it as it is.
            LogPlatformReadFailed(log, role.Name, platformError);
            return new RoleTick(role.Name, stats, null, null, null, platformError) { ErrorKind = "platform_read" };
        }

        if (platform?.Workers is { } found)
        {
            if (!_standby && _lastCounts.TryGetValue(role.Name, out var expected) && expected != found)
            {
                LogDrift(log, role.Name, found, expected);
            }

            _lastCounts[role.Name] = found;
        }

        var observation = new RoleObservation(at, stats.Jobs, stats.Consumers, stats.PublishRate, stats.AckRate,
            platform?.Workers);
        var decision = PolicyDriver.Decide(role, observation, HistoryOf(role.Name), config.PollInterval);
        if (decision.Next is null || decision.Next == platform?.Workers)
        {
            LogUnchanged(log, role.Name, stats.Jobs, platform?.Workers, decision.Estimate, decision.Reason);
        }

        return new RoleTick(role.Name, stats, platform?.Workers, decision, platform?.Workers, null);
    }

    /// <summary>
    /// A role whose queue could not be read keeps its count (<c>on_error: hold</c>), or after <c>failures</c>
    /// failed reads in a row is raised to its <c>fallback</c>; it is never lowered on missing data.
    /// </summary>
    private RoleTick Unread(RoleOptions role, PlatformResult? platform, string error, string kind)
    {
        var failures = _failedReads[role.Name] = _failedReads.GetValueOrDefault(role.Name) + 1;
        var tick = new RoleTick(role.Name, null, platform?.Workers, null, platform?.Workers, error) { ErrorKind = kind };
        if (role.OnError != ErrorModes.Fallback || role.Fallback is not { } fallback || failures < role.Failures
            || platform?.Workers is not { } current || current >= fallback)
        {
            return tick;
        }

        var explanation = $"queue unread for {failures} ticks: raising to the fallback of {fallback} workers";
        return tick with { Decision = new ScalingDecision(fallback, fallback, DecisionReason.Fallback, explanation) };
    }

    private async Task<bool> MayApplyAsync(CancellationToken budget)
    {
        if (_options.DryRun || _options.MayApply is not { } mayApply)
        {
            return true;
        }

        try
        {
            return await mayApply(budget);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ApplyAsync(
        List<ScaleRequest> requests,
        Dictionary<string, RoleTick> ticks,
        bool standby,
        CancellationToken budget)
    {
        foreach (var group in requests.GroupBy(r => r.Role.Platform))
        {
            var batch = group.ToList();
            var platform = platforms.For(batch[0].Role)!;
            if (_options.DryRun)
            {
                foreach (var line in platform.Describe(batch))
                {
                    LogDryRun(log, line);
                }

                continue;
            }

            if (standby)
            {
                foreach (var request in batch)
                {
                    LogStandby(log, request.Role.Name, request.From, request.To);
                }

                continue;
            }

            IReadOnlyDictionary<string, PlatformResult> results;
            try
            {
                results = await platform.ScaleAsync(batch, budget);
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                results = batch.ToDictionary(r => r.Role.Name,
                    _ => PlatformResult.Failed($"the {platform.Name} platform did not answer within the tick's time budget"));
            }

            foreach (var request in batch)
            {
                var tick = ticks[request.Role.Name];
                var result = results.GetValueOrDefault(request.Role.Name)
                    ?? PlatformResult.Failed($"the {platform.Name} platform gave no result");
                if (result.Error is { } error)
                {
                    LogScaleFailed(log, request.Role.Name, request.From, request.To, error);
                    ticks[request.Role.Name] = tick with { Error = error, ErrorKind = "scale" };
                    continue;
                }

                // A platform may apply less than asked (Heroku's dyno limits, which it warns about itself): log and
                // remember what it applied, and a count it kept as no change.
                if (tick.Stats is null)
                {
                    LogFallback(log, request.Role.Name, request.From, result.Workers ?? request.To, tick.Decision!.Explanation);
                }
                else if (result.Workers is { } kept && kept == request.From)
                {
                    LogUnchanged(log, request.Role.Name, tick.Stats!.Jobs, kept, tick.Decision!.Estimate,
                        tick.Decision.Reason);
                }
                else
                {
                    LogScaled(log, request.Role.Name, tick.Stats!.Jobs, request.From, result.Workers ?? request.To,
                        tick.Decision!.Reason, tick.Decision.Explanation);
                }

                if (result.Workers is { } applied)
                {
                    _lastCounts[request.Role.Name] = applied;
                }

                ticks[request.Role.Name] = tick with { Applied = result.Workers };
            }
        }
    }

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) =>
            char.IsUpper(c) && i > 0 ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));

    private static Dictionary<string, QueueRef> QueueRefs(GuvConfig config, out Dictionary<string, string> errors)
    {
        errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var refs = new Dictionary<string, QueueRef>(StringComparer.Ordinal);
        foreach (var role in config.Roles)
        {
            if (string.IsNullOrWhiteSpace(role.Broker))
            {
                errors[role.Name] = "no broker: set 'broker' in the config, or GUV_BROKER or CLOUDAMQP_URL";
                continue;
            }

            try
            {
                refs[role.Name] = new QueueRef(BrokerAddress.Parse(role.Broker, role.Management), role.Queue);
            }
            catch (FormatException e)
            {
                errors[role.Name] = e.Message;
            }
        }

        return refs;
    }

    private async Task<IReadOnlyDictionary<QueueRef, QueueReading>> ReadQueuesAsync(
        List<QueueRef> refs,
        CancellationToken budget)
    {
        try
        {
            return await queues.ReadAsync(refs, budget);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested)
        {
            return new Dictionary<QueueRef, QueueReading>();
        }
    }

    private async Task<IReadOnlyDictionary<string, PlatformResult>> ReadWorkersAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken budget)
    {
        var results = new Dictionary<string, PlatformResult>(StringComparer.Ordinal);
        foreach (var group in roles.GroupBy(r => r.Platform))
        {
            var platform = platforms.For(group.First());
            if (platform is null)
            {
                foreach (var role in group)
                {
                    results[role.Name] = PlatformResult.Failed($"the platform '{role.Platform}' is not available");
                }

                continue;
            }

            try
            {
                foreach (var (name, result) in await platform.ReadAsync(group.ToList(), budget))
                {
                    results[name] = result;
                }
            }
            catch (OperationCanceledException) when (budget.IsCancellationRequested)
            {
                foreach (var role in group)
                {
                    results[role.Name] = PlatformResult.Failed(
                        $"the {platform.Name} platform did not answer within the tick's time budget");
                }
            }
        }

        return results;
    }
}
