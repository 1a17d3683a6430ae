using Guv.Configuration;

namespace Guv.Cli.Output;

/// <summary>Prints config problems the way compilers do, one per line, so editors can jump to them.</summary>
internal static class ProblemWriter
{
    /// <summary><c>file:line:col: error: role 'r', key 'k': what is wrong. What to change.</c></summary>
    public static void Write(Terminal terminal, TextWriter writer, ConfigProblem problem, bool isError)
    {
        var severity = isError ? terminal.Red("error") : terminal.Yellow("warning");
        var subject = problem.Subject.Length > 0 ? $" {problem.Subject}:" : "";
        writer.WriteLine($"{terminal.Bold(problem.Place)}: {severity}:{subject} {problem.Message}. {problem.Fix}");
    }
}
