using System.CommandLine;
using Guv.Cli.Commands;
using Guv.Configuration;

namespace Guv.Cli;

/// <summary>The command line: builds the commands and turns user mistakes into messages and exit codes.</summary>
internal static class GuvCli
{
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "guv scales queue-driven workers so jobs finish within their deadline.\n"
            + "Example: guv run --config workers.guv.yaml");
        root.Subcommands.Add(RunCommand.Build());
        root.Subcommands.Add(DemoCommand.Build());
        root.Subcommands.Add(ValidateCommand.Build());
        root.Subcommands.Add(ExplainCommand.Build());
        root.Subcommands.Add(UpdateJobstatsCommand.Build());
        root.Subcommands.Add(SimulateCommand.Build());
        root.Subcommands.Add(HistoryCommand.Build());
        root.Subcommands.Add(CostCommand.Build());
        root.Subcommands.Add(WorkerStatsCommand.Build());
        Output.GuvHelp.Install(root);
        return root;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        var help = root.Options.OfType<System.CommandLine.Help.HelpOption>().Single();
        if (parsed.Errors.Count > 0 && parsed.Action != help.Action)
        {
            foreach (var error in parsed.Errors.DistinctBy(e => e.Message))
            {
                await Console.Error.WriteLineAsync($"guv: {error.Message}");
            }

            await Console.Error.WriteLineAsync("Run 'guv --help' for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (ConfigException e)
        {
            foreach (var problem in e.Problems)
            {
                await Console.Error.WriteLineAsync($"guv: {problem}");
            }

            return ExitCodes.InvalidInput;
        }
        catch (UserError e)
        {
            await Console.Error.WriteLineAsync($"guv: {e.Message}");
            return ExitCodes.InvalidInput;
        }
    }
}
