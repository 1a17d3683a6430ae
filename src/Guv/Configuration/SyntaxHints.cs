using YamlDotNet.Core;

namespace Guv.Configuration;

/// <summary>
/// Turns a YAML parse failure into a problem that says what to change. The parser's own message names the rule it
/// tripped over; the hints here recognise the mistakes people make in config files by hand.
/// </summary>
internal static class SyntaxHints
{
    public static ConfigProblem Problem(string text, string source, Exception error)
    {
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        if (Brackets.FindUnclosed(text) is { } open)
        {
            var close = open.Bracket == '{' ? '}' : ']';
            return new(source, open.Line, open.Column, null, null,
                $"the text is not valid YAML: the '{open.Bracket}' here is never closed",
                $"Add the missing '{close}' at the end of what it encloses.");
        }

        if (error is not YamlException yaml)
        {
            return new(source, 0, 0, null, null, $"the text is not valid YAML: {error.Message.TrimEnd('.')}",
                "Check brackets, quotes and indentation, or run it through a YAML linter to find the place.");
        }

        var line = (int)yaml.Start.Line;
        var column = (int)yaml.Start.Column;
        if (yaml is SecondDocumentException)
        {
            return new(source, line, column, null, null,
                "a second YAML document starts here, and guv reads only the first",
                "Remove the '---' line so that every role is in one document.");
        }

        return new(source, line, column, null, null, $"the text is not valid YAML: {Message(yaml)}",
            Fix(lines, line));
    }

    private static string Fix(string[] lines, int line)
    {
        var written = line >= 1 && line <= lines.Length ? lines[line - 1].TrimStart() : "";
        if (written.StartsWith("*:", StringComparison.Ordinal) || written.StartsWith("* :", StringComparison.Ordinal))
        {
            // An unquoted * starts a YAML alias, so the defaults role must be quoted.
            return "Quote the defaults role: write '*': instead of *:.";
        }

        if (lines.Skip(Math.Max(0, line - 1)).Take(2).Any(l => l.TrimStart(' ').StartsWith('\t')))
        {
            return "YAML does not allow tabs for indentation: indent with spaces.";
        }

        if (line >= 2 && line <= lines.Length && Indent(lines[line - 1]) is var here && here > 0)
        {
            var previous = lines.Take(line - 1).Reverse()
                .FirstOrDefault(l => l.Trim().Length > 0 && !l.Trim().StartsWith('#'));
            if (previous is not null && Indent(previous) != here && !previous.TrimEnd().EndsWith(':'))
            {
                return $"This line is indented by {here} spaces and the one before by {Indent(previous)}: "
                    + "indent every key of a role by the same number of spaces.";
            }
        }

        return "Fix the syntax at that place.";
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;

    private static string Message(YamlException e)
    {
        // YamlDotNet prefixes its messages with the place, which the problem already carries.
        var message = e.InnerException is YamlException inner ? inner.Message : e.Message;
        var close = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(Line", StringComparison.Ordinal) && close > 0 ? message[(close + 3)..] : message)
            .TrimEnd('.');
    }
}
