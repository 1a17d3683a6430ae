using System.CommandLine;
using System.Globalization;
using Guv.Cli.Hosting;
using Guv.Cli.Output;
using Guv.Configuration;
using Guv.Model;
using Guv.Platforms.Heroku;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv explain</c>: what a config means in numbers (target times, throughput, the backlog each role clears, cost),
/// or, with <c>--role</c> and <c>--jobs</c>, the decision the governor would make now and the arithmetic behind it.
/// </summary>
internal static partial class ExplainCommand
{
    public static Command Build()
    {
        var file = CommonOptions.ConfigFile();
        var allowKey = CommonOptions.AllowKey();
        var role = new Option<string?>("--role") { Description = "Explain the decision for this role. Default: none." };
        var jobs = CommonOptions.WholeNumber("--jobs", "Jobs in the role's queue now (with --role).");
        var current = CommonOptions.WholeNumber("--current",
            "Workers the role runs now. Default: unknown, as at guv's first tick.");
        var history = new Option<string?>("--history")
        {
            Description = "Estimates of the previous ticks, oldest first, e.g. 4,6,5. Default: none.",
        };
        var json = new Option<bool>("--json") { Description = "Print the decision as one JSON object." };
        var command = new Command("explain",
            "Show what a config means: per role the target time, jobs per minute at min and max workers, the largest\n"
            + "backlog max workers clear within the deadline, and the cost per hour. With --role and --jobs, show the\n"
            + "decision the governor would make now and the arithmetic behind it.\n"
            + "Example: guv explain workers.guv.yaml --role resize --jobs 40 --current 3 --history 4,6,5")
        {
            file, allowKey, role, jobs, current, history, json,
        };
        command.SetAction(result =>
        {
            var terminal = Terminal.FromConsole();
            var (text, source) = ConfigSource.ReadText(result.GetValue(file));
            var config = new ConfigLoader(null, result.GetValue(allowKey) ?? []).Load(text, source);
            var asked = result.GetValue(jobs) is not null || result.GetValue(current) is not null
                || result.GetValue(history) is not null || result.GetValue(json);
            if (result.GetValue(role) is not { } roleName)
            {
                if (!asked)
                {
                    WriteOverview(config, terminal.Out);
                    return ExitCodes.Ok;
                }

                // With one role there is nothing to choose; with several, say which there are.
                roleName = config.Roles.Count == 1 ? config.Roles[0].Name : throw new UserError(
                    "--jobs, --current, --history and --json ask about one role: add --role ROLE; the roles are: "
                    + string.Join(", ", config.Roles.Select(r => r.Name)));
            }

            var question = new DecisionQuestion(roleName, result.GetValue(jobs)
                ?? throw new UserError("--role needs --jobs N: the number of jobs in the role's queue now"),
                result.GetValue(current), ParseHistory(result.GetValue(history)));
            WriteDecision(config, question, result.GetValue(json), terminal.Out);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>One row per role, then the workers and cost summed per dyno size.</summary>
    public static void WriteOverview(GuvConfig config, TextWriter output)
    {
        output.WriteLine(
            Invariant($"{config.Source}: {config.Roles.Count} roles, polling every {config.PollInterval:0.##} s"));
        if (config.Roles.Count == 0)
        {
            return;
        }

        var roles = new TextTable("role", "worker", "queue", "app/platform", "target s", "min", "max",
            "jobs/min at min", "jobs/min at max", "backlog cleared", "$/h at min", "$/h at max");
        foreach (var role in config.Roles)
        {
            var price = PricePerWorker(role);
            var target = ClassicModel.Estimate(role, 0);
            roles.Add(role.Name, role.Worker, role.Queue, Where(role),
                Invariant($"{target.Target:0.##}") + (target.Unrealizable ? " (!)" : ""),
                Whole(role.Minimum), Whole(role.Maximum),
                Invariant($"{RoleCapacity.JobsPerMinute(role, role.Minimum):0.#}"),
                Invariant($"{RoleCapacity.JobsPerMinute(role, role.Maximum):0.#}"),
                Whole(RoleCapacity.LargestBacklog(role)),
                Money(price * role.Minimum), Money(price * role.Maximum));
        }

        output.WriteLine();
        roles.WriteTo(output);
        WriteTotals(config, output);
        WriteNotes(config, output);
    }

    private static void WriteTotals(GuvConfig config, TextWriter output)
    {
        var totals = new TextTable("dyno size", "roles", "min workers", "max workers", "$/h at min", "$/h at max");
        foreach (var group in config.Roles.GroupBy(SizeOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            totals.Add(group.Key, Whole(group.Count()), Whole(group.Sum(r => r.Minimum)), Whole(group.Sum(r => r.Maximum)),
                Money(Sum(group, r => r.Minimum)), Money(Sum(group, r => r.Maximum)));
        }

        totals.Add("all", Whole(config.Roles.Count), Whole(config.Roles.Sum(r => r.Minimum)),
            Whole(config.Roles.Sum(r => r.Maximum)), Money(Sum(config.Roles, r => r.Minimum)),
            Money(Sum(config.Roles, r => r.Maximum)));
        output.WriteLine();
        totals.WriteTo(output);
    }

    private static void WriteNotes(GuvConfig config, TextWriter output)
    {
        output.WriteLine();
        output.WriteLine("target s: the time a job may wait plus run, derived from deadline, stddev and percentile.");
        output.WriteLine("backlog cleared: the most jobs max workers finish within the target time.");
        if (config.Roles.Any(r => ClassicModel.Estimate(r, 0).Unrealizable))
        {
            output.WriteLine("(!): the deadline cannot be met; run 'guv validate' for the change it needs.");
        }

        foreach (var role in config.Roles.Where(r => PricePerWorker(r) is null && r.Platform == "heroku"))
        {
            output.WriteLine($"{role.Name}: no price for dyno size '{role.DynoSize}'; set 'cost' (US dollars per "
                + $"worker per hour). Known sizes: {string.Join(", ", DynoPrices.Sizes)}.");
        }

        output.WriteLine($"Cost: {DynoPrices.Source}");
    }

    /// <summary>A role's own <c>cost</c>, else the Heroku list price of its dyno size; null when neither is known.</summary>
    private static double? PricePerWorker(RoleOptions role) =>
        role.Cost ?? (role.Platform == PlatformNames.Heroku ? DynoPrices.PerHour(role.DynoSize) : null);

    /// <summary>The cost of the roles whose price is known; null when none is.</summary>
    private static double? Sum(IEnumerable<RoleOptions> roles, Func<RoleOptions, int> workers)
    {
        var priced = roles.Where(r => PricePerWorker(r) is not null).ToList();
        return priced.Count == 0 ? null : priced.Sum(r => PricePerWorker(r)!.Value * workers(r));
    }

    private static string SizeOf(RoleOptions role) =>
        role.Platform == PlatformNames.Heroku ? role.DynoSize.ToLowerInvariant() : role.Platform;

    private static string Where(RoleOptions role) =>
        role.Platform == PlatformNames.Heroku ? role.App ?? "(GUV_APP unset)" : role.Platform;

    private static string Money(double? amount) => amount is { } value ? Invariant($"${value:0.00}") : "-";

    private static string Whole(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
