using System.CommandLine;
using System.Globalization;
using System.Text.RegularExpressions;
using Guv.Analysis;
using Guv.Cli.Hosting;
using Guv.Configuration;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv workerstats</c>: boot, startup, shutdown and uptime of Heroku dynos from their log, and the share of billed
/// time spent booting; <c>--update</c> writes the measured boot time into a config.
/// </summary>
internal static class WorkerStatsCommand
{
    public static Command Build()
    {
        var log = new Argument<string>("log") { Description = "A Heroku log file (heroku logs, or a log drain's output)." };
        var started = new Option<string>("--started")
        {
            Description = "A regular expression matching the app's own log line that says a worker is ready for jobs.",
            Required = true,
        };
        var role = new Option<string?>("--role") { Description = "Only this process type. Default: every type in the log." };
        var update = new Option<string?>("--update")
        {
            Description = "Write the measured boot time (90th percentile, whole seconds) into this config file.",
        };
        var command = new Command("workerstats",
            "Measure workers' boot, startup, shutdown and uptime from a Heroku log.\n"
            + "Example: guv workerstats heroku.log --started 'worker ready' --role worker --update workers.guv.yaml")
        {
            log, started, role, update,
        };
        command.SetAction(async (result, cancellationToken) =>
        {
            var stats = await MeasureAsync(result.GetValue(log)!, result.GetValue(started)!, result.GetValue(role),
                cancellationToken);
            Print(stats);
            if (result.GetValue(update) is { } file)
            {
                await UpdateAsync(file, stats, result.GetValue(role), cancellationToken);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<IReadOnlyList<WorkerStatistics>> MeasureAsync(
        string path,
        string pattern,
        string? role,
        CancellationToken cancellationToken)
    {
        Regex started;
        try
        {
            started = new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new UserError($"--started '{pattern}' is not a regular expression: {e.Message}");
        }

        var parser = new HerokuLogParser(started);
        try
        {
            await foreach (var line in File.ReadLinesAsync(path, cancellationToken))
            {
                parser.Read(line);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"cannot read the log '{path}': {(e is FileNotFoundException ? "no such file" : e.Message)}");
        }

        var stats = WorkerStatistics.Of(parser.Lives).Where(s => role is null || s.Type == role).ToList();
        if (stats.Count == 0)
        {
            throw new UserError(parser.Lines == 0
                ? $"'{path}' has no Heroku log lines (expected lines like '2015-06-10T12:00:01+00:00 heroku[worker.1]: ...')"
                : $"the log shows no dyno starting{(role is null ? "" : $" of type '{role}'")}");
        }

        return stats;
    }

    private static void Print(IReadOnlyList<WorkerStatistics> stats)
    {
        var c = CultureInfo.InvariantCulture;
        foreach (var s in stats)
        {
            Console.WriteLine(string.Format(c, "{0}: {1} dyno runs", s.Type, s.Runs));
            Console.WriteLine(string.Format(c, "  {0,-33} {1,5} {2,8} {3,8} {4,8} {5,8}",
                "seconds", "n", "min", "median", "p90", "max"));
            foreach (var (name, summary) in new[]
                     {
                         ("boot (scale request to ready)", s.Boot), ("startup (process start to ready)", s.Startup),
                         ("shutdown (SIGTERM to exit)", s.Shutdown), ("uptime (start to exit, billed)", s.Uptime),
                     })
            {
                Console.WriteLine(string.Format(c, "  {0,-33} {1,5} {2,8:0.0} {3,8:0.0} {4,8:0.0} {5,8:0.0}", name,
                    summary.Count, summary.Min, summary.Median, summary.P90, summary.Max));
            }

            Console.WriteLine(s.BootingShare is { } share
                ? string.Format(c, "  {0:0.0%} of billed time was spent starting up", share)
                : "  share of billed time starting up: unknown (no run both became ready and exited in the log)");
            if (s.Startup.Count == 0)
            {
                Console.WriteLine("  no app line matched --started; check the pattern against the worker's log");
            }
        }
    }

    private static async Task UpdateAsync(
        string file,
        IReadOnlyList<WorkerStatistics> stats,
        string? type,
        CancellationToken cancellationToken)
    {
        var measured = type is null && stats.Count > 1
            ? throw new UserError("the log has several process types; say which one to write with --role")
            : stats.Single();
        if (measured.Boot.Count == 0)
        {
            throw new UserError($"no boot time of '{measured.Type}' was measured (no scale request followed by a "
                + "line matching --started); the config is left as it is");
        }

        var config = ConfigSource.Load(file);
        var role = config.Roles.FirstOrDefault(r => r.Worker == measured.Type) ?? config.Find(measured.Type)
            ?? throw new UserError($"{file} has no role whose worker is '{measured.Type}'");
        var boot = Math.Ceiling(measured.Boot.P90).ToString(CultureInfo.InvariantCulture);
        string updated;
        try
        {
            updated = ConfigKeyEditor.Set(await File.ReadAllTextAsync(file, cancellationToken), role.Name, "boot", boot);
        }
        catch (FormatException e)
        {
            throw new UserError($"{file}: {e.Message}");
        }

        new ConfigLoader().Load(updated, file); // never write a config guv would refuse
        await File.WriteAllTextAsync(file, updated, cancellationToken);
        Console.WriteLine($"{file}: role '{role.Name}' now has boot: {boot} (90th percentile of {measured.Boot.Count} boots)");
    }
}
