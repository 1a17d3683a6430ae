using System.CommandLine;
using Guv.Cli.Hosting;
using Guv.Cli.Output;
using Guv.Configuration;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv validate</c>: checks a config and reports every problem at once, each with its place and its fix. Like
/// guv 0.3.x's validate it also fails on a deadline that cannot be met, which <c>guv run</c> only warns about.
/// </summary>
internal static class ValidateCommand
{
    public static Command Build()
    {
        var file = CommonOptions.ConfigFile();
        var allowKey = CommonOptions.AllowKey();
        var command = new Command("validate",
            "Check a config and report every problem with file:line:column, role, key and how to fix it.\n"
            + "Exits 0 when the config is valid, 1 when it is not.\n"
            + "Example: guv validate workers.guv.yaml --allow-key owner")
        {
            file, allowKey,
        };
        command.SetAction(result => Run(
            result.GetValue(file), result.GetValue(allowKey) ?? [], Terminal.FromConsole(), null));
        return command;
    }

    /// <summary>Validates and prints; returns the exit code.</summary>
    public static int Run(
        string? path,
        IReadOnlyList<string> allowKeys,
        Terminal terminal,
        Func<string, string?>? environment)
    {
        var (text, source) = ConfigSource.ReadText(path, environment);
        var result = new ConfigLoader(environment, allowKeys).Check(text, source);
        var failures = result.Problems.Concat(result.Warnings)
            .OrderBy(p => p.Line == 0 ? int.MaxValue : p.Line)
            .ThenBy(p => p.Column)
            .ToList();
        foreach (var problem in failures)
        {
            ProblemWriter.Write(terminal, terminal.Out, problem, isError: true);
        }

        if (failures.Count > 0)
        {
            var noun = failures.Count == 1 ? "problem" : "problems";
            terminal.Out.WriteLine($"{source}: {terminal.Red("invalid")}, {failures.Count} {noun}");
            return ExitCodes.InvalidInput;
        }

        var roles = result.Config!.Roles;
        var names = roles.Count == 0 ? "no roles" : $"{roles.Count} role{(roles.Count == 1 ? "" : "s")}: "
            + string.Join(", ", roles.Select(r => r.Name));
        terminal.Out.WriteLine($"{source}: {terminal.Green("valid")}, {names}");
        return ExitCodes.Ok;
    }
}
