using System.CommandLine;
using Guv.Cli.Hosting;
using Guv.Cli.Output;
using Guv.Configuration;
using YamlDotNet.Core;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv update-jobstats FILE</c>: writes measured processing times into a config in place, from the JSON that
/// job-metric exporters print, or from one CSV row per finished job. The file is replaced whole or not at all.
/// </summary>
internal static partial class UpdateJobstatsCommand
{
    public static Command Build()
    {
        var file = new Argument<string>("FILE") { Description = "The config file to update (*.guv.yaml or JSON)." };
        CommonOptions.RejectOptionLookalikes(file);
        var fromCsv = new Option<string?>("--from-csv")
        {
            Description = "Read one 'role,seconds' row per finished job from this file instead of JSON on stdin; "
                + "guv computes mean, stddev, p50, p90 and p99. Default: JSON on stdin.",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the updated config instead of writing it." };
        var allowKey = CommonOptions.AllowKey();
        var command = new Command("update-jobstats",
            "Write measured processing times into a config, keeping comments, key order, shorthands and layout.\n"
            + "Reads JSON shaped {\"role\": {\"average\": 12.5, \"stddev\": 3.1}} (seconds) from standard input.\n"
            + "Roles that are not in FILE are reported, not added.\n"
            + "Example: jobstats-exporter | guv update-jobstats workers.guv.yaml\n"
            + "Example: guv update-jobstats workers.guv.yaml --from-csv job-times.csv --dry-run")
        {
            file, fromCsv, dryRun, allowKey,
        };
        command.SetAction(result =>
        {
            var terminal = Terminal.FromConsole();
            var stats = result.GetValue(fromCsv) is { } csv
                ? StatsFromCsv(csv, terminal)
                : StatsFromJson(ReadStandardInput(), "standard input");
            return Update(result.GetValue(file)!, stats, result.GetValue(dryRun), result.GetValue(allowKey) ?? [],
                terminal);
        });
        return command;
    }

    /// <summary>Rewrites FILE with the stats; returns the exit code.</summary>
    public static int Update(
        string path,
        IReadOnlyDictionary<string, RoleStats> stats,
        bool dryRun,
        IReadOnlyList<string> allowKeys,
        Terminal terminal)
    {
        var (before, source) = ConfigSource.ReadText(path);
        JobStatsUpdate update;
        try
        {
            update = JobStatsRewriter.Rewrite(before, stats);
        }
        catch (Exception e) when (e is YamlException or InvalidOperationException)
        {
            throw new UserError($"{path} is not a YAML mapping of roles, so it was not changed; "
                + $"run 'guv validate {path}' to see where");
        }

        var loader = new ConfigLoader(null, allowKeys);
        var after = loader.Check(update.Text, source);
        if (after.Problems.Count > loader.Check(before, source).Problems.Count)
        {
            foreach (var problem in after.Problems)
            {
                ProblemWriter.Write(terminal, terminal.Error, problem, isError: true);
            }

            throw new UserError($"the new values would make {path} invalid (see above), so it was not changed");
        }

        if (dryRun)
        {
            terminal.Out.Write(update.Text);
        }
        else if (update.Text != before)
        {
            AtomicFile.WriteAllText(path, update.Text);
        }

        Report(path, update, after, dryRun, terminal);
        return ExitCodes.Ok;
    }

    private static void Report(string path, JobStatsUpdate update, ConfigCheckResult after, bool dryRun, Terminal terminal)
    {
        var verb = dryRun ? "would update" : "updated";
        var log = dryRun ? terminal.Error : terminal.Out;
        foreach (var change in update.Changes)
        {
            log.WriteLine($"{path}: {verb} {change}");
        }

        foreach (var role in update.Missing)
        {
            terminal.Error.WriteLine($"{path}: {terminal.Yellow("warning")}: role '{role}' has stats but is not in "
                + "the config; it was not added. Add it by hand if guv should scale it.");
        }

        foreach (var skipped in update.Skipped)
        {
            terminal.Error.WriteLine($"{path}: {terminal.Yellow("warning")}: {skipped}.");
        }

        foreach (var warning in after.Warnings)
        {
            ProblemWriter.Write(terminal, terminal.Error, warning, isError: false);
        }

        if (update.Changes.Count == 0)
        {
            log.WriteLine($"{path}: nothing to change");
        }
    }

    private static string ReadStandardInput()
    {
        if (!Console.IsInputRedirected)
        {
            throw new UserError("update-jobstats reads the stats from standard input: pipe them in, for example "
                + "'exporter | guv update-jobstats FILE', or give --from-csv JOBS.csv");
        }

        return Console.In.ReadToEnd();
    }
}
