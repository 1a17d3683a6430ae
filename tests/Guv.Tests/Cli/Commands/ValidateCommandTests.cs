using Guv.Cli;
using Guv.Cli.Commands;
using Guv.Cli.Output;

namespace Guv.Tests.Cli.Commands;

public sealed class ValidateCommandTests : IDisposable
{
    private readonly StringWriter _out = new();

    public void Dispose() => _out.Dispose();

    private int Validate(string? path, Dictionary<string, string>? environment = null, params string[] allowKeys) =>
        ValidateCommand.Run(path, allowKeys, Terminal.Plain(_out), name => environment?.GetValueOrDefault(name));

    private string[] Lines => _out.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void Run_ConfigInEnvironment_IsValidatedUnderTheNameGuvConfig()
    {
        var exit = Validate(null, new() { ["GUV_CONFIG"] = "resize: {}\nthumbs: {}" });

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(["GUV_CONFIG: valid, 2 roles: resize, thumbs"], Lines);
    }

    [Fact]
    public void Run_CommentOnly_IsValidWithNoRoles()
    {
        Assert.Equal(ExitCodes.Ok, Validate(null, new() { ["GUV_CONFIG"] = "# nothing yet" }));
        Assert.Equal(["GUV_CONFIG: valid, no roles"], Lines);
    }

    [Fact]
    public void Run_DeadlineThatCannotBeMet_FailsLikeGuv03()
    {
        // guv 0.1.5's changelog: "guv-validate: Error on configurations which are impossible to realize".
        var exit = Validate(null, new() { ["GUV_CONFIG"] = "failing: {processing: 25, stddev: 12, deadline: 50}" });

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.StartsWith("GUV_CONFIG:1:39: error: role 'failing', key 'deadline': the deadline cannot be met", Lines[0]);
        Assert.Equal("GUV_CONFIG: invalid, 1 problem", Lines[1]);
    }

    [Fact]
    public void Run_ProblemsAndWarnings_ArePrintedInFileOrder()
    {
        var exit = Validate(null, new() { ["GUV_CONFIG"] = "a: {p: 50}\nb: {procesing: 1}" });

        Assert.Equal(ExitCodes.InvalidInput, exit);
        Assert.Equal(["GUV_CONFIG:1:1:", "GUV_CONFIG:2:5:", "GUV_CONFIG:"], Lines.Select(l => l.Split(' ')[0]));
    }

    [Fact]
    public void Run_NoFileAndNoEnvironment_SaysWhereAConfigComesFrom()
    {
        var error = Assert.Throws<UserError>(() => Validate(null));

        Assert.Equal("no config: give a config file, or put the config's YAML text in the GUV_CONFIG environment variable",
            error.Message);
    }
}
