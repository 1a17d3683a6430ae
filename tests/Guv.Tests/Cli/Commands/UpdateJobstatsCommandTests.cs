using Guv.Cli;
using Guv.Cli.Commands;
using Guv.Cli.Output;
using Guv.Configuration;

namespace Guv.Tests.Cli.Commands;

public sealed class UpdateJobstatsCommandTests : IDisposable
{
    private const string Config = "# shop\n'*': {app: shop}\nresize:\n  p: 10 # mean\n  d: 120\nthumbs: {p: 2}\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-jobstats-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _error = new();

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        _out.Dispose();
        _error.Dispose();
    }

    private string File(string text)
    {
        var path = Path.Combine(_folder, "w.guv.yaml");
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private int Update(string path, string json, bool dryRun = false) =>
        UpdateJobstatsCommand.Update(path, UpdateJobstatsCommand.StatsFromJson(json, "stdin"), dryRun, [],
            new Terminal(_out, _error, color: false));

    [Fact]
    public void Update_Stats_RewritesTheFileInPlaceAndSaysWhatChanged()
    {
        var path = File(Config);

        var exit = Update(path, """{"resize": {"average": 14.8, "stddev": 4.9}, "ghost": {"average": 1}}""");

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal("# shop\n'*': {app: shop}\nresize:\n  p: 14.8 # mean\n  d: 120\n  stddev: 4.9\nthumbs: {p: 2}\n",
            System.IO.File.ReadAllText(path));
        Assert.Equal($"{path}: updated resize: processing 10 -> 14.8, stddev unset -> 4.9{Environment.NewLine}",
            _out.ToString());
        Assert.Contains("role 'ghost' has stats but is not in the config; it was not added", _error.ToString());
        Assert.Equal(["w.guv.yaml"], Directory.GetFiles(_folder).Select(Path.GetFileName));
    }

    [Fact]
    public void Update_DryRun_PrintsTheNewTextAndLeavesTheFile()
    {
        var path = File(Config);

        Update(path, """{"thumbs": {"average": 3, "stddev": 1}}""", dryRun: true);

        Assert.Equal(Config, System.IO.File.ReadAllText(path));
        Assert.Equal(Config.Replace("thumbs: {p: 2}", "thumbs: {p: 3, stddev: 1}"), _out.ToString());
    }

    public static TheoryData<string, string> BadInput() => new()
    {
        { "not json", "stdin is not JSON at line 1, byte 2; expected {\"role\": {\"average\": 12.5, \"stddev\": 3.1}} "
            + "with seconds as numbers" },
        { "[1, 2]", "stdin must be one JSON object: {\"role\": {\"average\": 12.5, \"stddev\": 3.1}} with seconds as "
            + "numbers" },
        { """{"resize": 3}""", "stdin: role 'resize' must map to an object: {\"role\": {\"average\": 12.5, "
            + "\"stddev\": 3.1}} with seconds as numbers" },
        { """{"resize": {"average": "12"}}""", "stdin: role 'resize': 'average' must be a number of seconds above "
            + "zero, got \"12\"" },
        { """{"resize": {"average": 0}}""", "stdin: role 'resize': 'average' must be a number of seconds above zero, "
            + "got 0" },
        { """{"resize": {"stddev": -1}}""", "stdin: role 'resize': 'stddev' must be a number of seconds zero or more, "
            + "got -1" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void StatsFromJson_BadInput_SaysWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<UserError>(() => UpdateJobstatsCommand.StatsFromJson(json, "stdin"));

        Assert.Equal(expected, error.Message);
    }

    [Theory]
    [InlineData("resize: {p: 3\n")]
    [InlineData("resize:\n  p: 3\n   d: 4\n")]
    [InlineData("- resize\n")]
    public void Update_FileNotAMappingOfRoles_LeavesItUntouched(string text)
    {
        var path = File(text);

        var error = Assert.Throws<UserError>(() => Update(path, """{"resize": {"average": 4}}"""));

        Assert.Equal($"{path} is not a YAML mapping of roles, so it was not changed; run 'guv validate {path}' to see where",
            error.Message);
        Assert.Equal(text, System.IO.File.ReadAllText(path));
    }

    [Fact]
    public void Update_MissingFile_ReportsTheFile()
    {
        var error = Assert.Throws<ConfigException>(() => Update(Path.Combine(_folder, "none.yaml"), "{}"));

        Assert.Contains("cannot read the config: no such file", error.Message);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Update_ThroughSymlink_KeepsTheLinkAndItsTargetsMode()
    {
        var target = File(Config);
        System.IO.File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var link = Path.Combine(_folder, "link.guv.yaml");
        System.IO.File.CreateSymbolicLink(link, target);

        Update(link, """{"thumbs": {"average": 3}}""");

        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Contains("thumbs: {p: 3}", System.IO.File.ReadAllText(target));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, System.IO.File.GetUnixFileMode(target));
    }
}
