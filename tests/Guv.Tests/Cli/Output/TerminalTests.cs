using Guv.Cli.Output;

namespace Guv.Tests.Cli.Output;

public sealed class TerminalTests
{
    [Theory]
    [InlineData(false, null, null, true)]
    [InlineData(false, null, "xterm-256color", true)]
    // Redirected to a file or a pipe: never colour.
    [InlineData(true, null, null, false)]
    // no-color.org: any non-empty value turns colour off; an empty one does not.
    [InlineData(false, "1", null, false)]
    [InlineData(false, "", null, true)]
    [InlineData(false, null, "dumb", false)]
    public void ColorWanted_FollowsTerminalAndNoColor(bool redirected, string? noColor, string? term, bool expected)
    {
        var environment = new Dictionary<string, string?> { ["NO_COLOR"] = noColor, ["TERM"] = term };

        Assert.Equal(expected, Terminal.ColorWanted(redirected, name => environment.GetValueOrDefault(name)));
    }

    [Fact]
    public void Paint_WithoutColor_IsThePlainText()
    {
        Assert.Equal("error", Terminal.Plain(TextWriter.Null).Red("error"));
        Assert.Equal("\u001b[31merror\u001b[0m", new Terminal(TextWriter.Null, TextWriter.Null, true).Red("error"));
    }
}
