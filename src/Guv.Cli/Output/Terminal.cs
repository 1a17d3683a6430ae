namespace Guv.Cli.Output;

/// <summary>
/// Where a command writes, and whether it may use colour: only on a terminal, and never when <c>NO_COLOR</c> is set
/// to anything non-empty (no-color.org). Tests pass their own writers and get plain text.
/// </summary>
internal sealed class Terminal(TextWriter output, TextWriter error, bool color)
{
    private const string Reset = "\u001b[0m";

    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    public bool Color { get; } = color;

    /// <summary>The process's console, with colour when stdout is a terminal and NO_COLOR is unset.</summary>
    public static Terminal FromConsole() =>
        new(Console.Out, Console.Error, ColorWanted(Console.IsOutputRedirected, Environment.GetEnvironmentVariable));

    /// <summary>Colour only on a terminal that shows it, and not when NO_COLOR is set to anything non-empty.</summary>
    public static bool ColorWanted(bool outputRedirected, Func<string, string?> environment) =>
        !outputRedirected
        && string.IsNullOrEmpty(environment("NO_COLOR"))
        && environment("TERM") is not "dumb";

    /// <summary>A terminal writing to the given writers, without colour.</summary>
    public static Terminal Plain(TextWriter output, TextWriter? error = null) => new(output, error ?? output, false);

    public string Red(string text) => Paint("\u001b[31m", text);

    public string Yellow(string text) => Paint("\u001b[33m", text);

    public string Green(string text) => Paint("\u001b[32m", text);

    public string Bold(string text) => Paint("\u001b[1m", text);

    private string Paint(string code, string text) => Color ? code + text + Reset : text;
}
