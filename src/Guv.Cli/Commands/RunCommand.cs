using System.CommandLine;
using Guv.Cli.Hosting;
using Guv.Queues;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Commands;

/// <summary><c>guv run</c>: governs the workers of every role in the config until stopped.</summary>
internal static class RunCommand
{
    public static Command Build()
    {
        var config = ConfigOption();
        var once = new Option<bool>("--once") { Description = "Run one tick and exit." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and log, but change no workers." };
        var logFormat = new Option<string>("--log-format")
        {
            Description = "Log as 'text' for people or 'json' for machines.",
            DefaultValueFactory = _ => "text",
        };
        logFormat.AcceptOnlyFromAmong("text", "json");
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Also log ticks that change nothing." };
        var allowKey = CommonOptions.AllowKey();
        var observe = new ObservabilityOptions();
        var leaseSeconds = CommonOptions.WholeNumber("--lease-seconds",
            "With a postgres:// --history-db shared by several guv: seconds the leader lease holds; a standby takes "
            + "over within this plus one pollinterval of the leader's death. Default 2 x pollinterval.");

        var command = new Command("run",
            "Govern the workers of every role in the config, one tick every pollinterval, until stopped.\n"
            + "Reloads the config when its file changes or on SIGHUP; an invalid new config is logged and ignored.\n"
            + "Example: guv run --config workers.guv.yaml --dry-run")
        {
            config, once, dryRun, logFormat, verbose, allowKey, leaseSeconds,
        };
        observe.All.ToList().ForEach(command.Options.Add);
        command.SetAction((result, _) => RunAsync(
            result.GetValue(config),
            result.GetValue(once),
            result.GetValue(dryRun),
            result.GetValue(logFormat)!,
            result.GetValue(verbose),
            result.GetValue(allowKey) ?? [],
            observe.Read(result),
            result.GetValue(leaseSeconds)));
        return command;
    }

    public static Option<string?> ConfigOption() => new("--config", "-c")
    {
        Description = "The config file (*.guv.yaml or JSON). Default: the YAML text in env GUV_CONFIG.",
    };

    private static async Task<int> RunAsync(
        string? configPath,
        bool once,
        bool dryRun,
        string logFormat,
        bool verbose,
        string[] allowKeys,
        ObservabilitySettings observe,
        int? leaseSeconds)
    {
        var loader = new Guv.Configuration.ConfigLoader(null, allowKeys);
        var config = ConfigSource.Load(configPath, loader);
        GovernorHost.Preflight(config);
        var trust = GovernorHost.LoadTrust(config);

        using var stop = new StopSignal();
        using var logs = LogSetup.Create(logFormat, verbose);
        var log = logs.CreateLogger("guv");
        var time = TimeProvider.System;
        using var http = GovernorHost.CreateHttpClient(trust);
        await using var observability = ObservabilityHost.Create(observe, logs, time, trust);
        await using var platforms = GovernorHost.CreatePlatforms(time, logs, observability.Measure, trust);
        await using var lease = await LeaseHost.OpenAsync(observe.HistoryDb, leaseSeconds, dryRun, config, logs, time,
            stop.Token);
        var governor = new Governor.Governor(config, new RabbitMqManagementSource(http), platforms, time,
            logs.CreateLogger<Governor.Governor>(), new Governor.GovernorOptions
            {
                DryRun = dryRun,
                MayApply = lease is null ? null : lease.Lease.HoldAsync,
            });

        using var watcher = ConfigWatcher.Start(configPath, loader, next =>
        {
            lease?.Reload(next);
            governor.Reload(next);
        }, log);
        foreach (var warning in config.Warnings)
        {
            CliLog.ConfigWarning(log, warning.ToString());
        }

        await observability.StartAsync(governor, dryRun, lease?.Lease, serve: !once, stop.Token);
        CliLog.Starting(log, config.Roles.Count, config.Source, config.PollInterval, dryRun ? " (dry run)" : "");
        if (once)
        {
            await governor.TickAsync(stop.Token);
        }
        else
        {
            await governor.RunAsync(stop.Token);
            CliLog.Stopping(log);
        }

        return ExitCodes.Ok;
    }
}
