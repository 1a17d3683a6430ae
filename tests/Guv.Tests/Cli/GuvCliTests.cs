using System.Diagnostics;

namespace Guv.Tests.Cli;

/// <summary>The command line as a user meets it: a real process, its output and its exit code.</summary>
public sealed class GuvCliTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-cli-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Exit, string Out, string Error) Guv(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "guv.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("GUV_CONFIG");
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }

    [Fact]
    public void Validate_ValidConfig_ExitsZero()
    {
        var (exit, output, _) = Guv("validate", Write("ok.guv.yaml", "'*': {app: shop}\nresize: {p: 10}\nthumbs: {}\n"));

        Assert.Equal(0, exit);
        Assert.EndsWith("ok.guv.yaml: valid, 2 roles: resize, thumbs\n", output);
    }

    [Fact]
    public void Validate_InvalidConfig_ExitsOneWithEveryProblemAndNoColourWhenPiped()
    {
        var path = Write("bad.guv.yaml", "resize: {procesing: 10, max: -1}\n");

        var (exit, output, _) = Guv("validate", path);

        Assert.Equal(1, exit);
        Assert.Equal([
            $"{path}:1:10: error: role 'resize', key 'procesing': unknown key 'procesing'. Did you mean 'processing'? "
                + "Use --allow-key to accept a key of your own.",
            $"{path}:1:30: error: role 'resize', key 'maximum': must be a whole number of at least 0, got -1. Give a "
                + "whole number, for example 'max: 0'.",
            $"{path}: invalid, 2 problems",
            "",
        ], output.Split('\n'));
        Assert.DoesNotContain("\u001b[", output);
    }

    [Fact]
    public void Validate_AllowKey_AcceptsTheExtraKey()
    {
        var (exit, _, _) = Guv("validate", Write("x.guv.yaml", "resize: {owner: ops}\n"), "--allow-key", "owner");

        Assert.Equal(0, exit);
    }

    [Fact]
    public void Validate_MissingFile_ExitsOneAndSaysWhatToCheck()
    {
        var (exit, _, error) = Guv("validate", Path.Combine(_folder, "none.yaml"));

        Assert.Equal(1, exit);
        Assert.Contains("none.yaml: cannot read the config: no such file. Check the path", error);
    }

    [Fact]
    public void Validate_Folder_SaysItIsNotAFile()
    {
        var (exit, _, error) = Guv("validate", _folder);

        Assert.Equal(1, exit);
        Assert.Equal($"guv: {_folder}: cannot read the config: it is a folder, not a file. Check the path, or leave it "
            + "out to use the YAML text in the GUV_CONFIG environment variable.\n", error);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("validate", "--bogus")]
    [InlineData("explain", "x.yaml", "--jobs", "many")]
    [InlineData("update-jobstats")]
    public void Usage_Mistake_ExitsTwoAndPointsToHelp(params string[] args)
    {
        var (exit, _, error) = Guv(args);

        Assert.Equal(2, exit);
        Assert.EndsWith("Run 'guv --help' for usage.\n", error);
    }

    [Fact]
    public void Explain_JobsWithoutRole_NamesTheRolesToChooseFrom()
    {
        var path = Write("two.guv.yaml", "resize: {}\nthumbs: {}\n");

        var (exit, _, error) = Guv("explain", path, "--jobs", "40");

        Assert.Equal(1, exit);
        Assert.Equal("guv: --jobs, --current, --history and --json ask about one role: add --role ROLE; the roles are: "
            + "resize, thumbs\n", error);
    }

    [Fact]
    public void Explain_OneRole_NeedsNoRoleOption()
    {
        var (exit, output, _) = Guv("explain", Write("one.guv.yaml", "resize: {}\n"), "--jobs", "40", "--json");

        Assert.Equal(0, exit);
        Assert.Equal("{\"role\":\"resize\",\"jobs\":40,\"estimate\":5,\"next\":5,\"target\":48.368,\"reason\":\"Initial\"}\n",
            output);
    }

    [Fact]
    public void Version_PrintsTheVersion()
    {
        var (exit, output, _) = Guv("--version");

        Assert.Equal(0, exit);
        Assert.StartsWith("0.1.0", output);
    }

    [Theory]
    [InlineData("run", "Example: guv run")]
    [InlineData("validate", "Example: guv validate")]
    [InlineData("explain", "Example: guv explain")]
    [InlineData("update-jobstats", "Example: jobstats-exporter | guv update-jobstats")]
    public void CommandHelp_HasAnExampleAndDefaults(string command, string example)
    {
        var (exit, output, _) = Guv(command, "--help");

        Assert.Equal(0, exit);
        Assert.Contains(example, output);
        Assert.Contains("Default", output);
    }

    [Fact]
    public void RootHelp_ListsExitCodesAndEnvironment()
    {
        var (_, output, _) = Guv("--help");

        Assert.Contains("Exit codes:\n  0    ok\n  1    invalid input", output);
        Assert.Contains("  NO_COLOR ", output);
    }

    [Fact]
    public void UpdateJobstats_FromTerminalWithoutInput_WouldNotHang()
    {
        // Standard input here is an empty pipe: the command reads it and says the JSON is missing.
        var path = Write("w.guv.yaml", "resize: {p: 3}\n");

        var (exit, _, error) = Guv("update-jobstats", path);

        Assert.Equal(1, exit);
        Assert.Contains("standard input is not JSON", error);
        Assert.Equal("resize: {p: 3}\n", File.ReadAllText(path));
    }
}
