using System.Text.RegularExpressions;
using Guv.Configuration;

namespace Guv.Tests.Configuration;

/// <summary>
/// Every config a user can copy from the repository must validate: the files in examples/ and the ```yaml blocks of
/// README.md and docs/configuration.md. A block that is deliberately not a guv config starts with the line
/// <c># not a guv config</c>.
/// </summary>
public sealed partial class ExampleConfigTests
{
    private const string NotAConfig = "# not a guv config";

    private static readonly string Root = FindRoot();

    [Fact]
    public void Examples_EveryFile_ValidatesWithoutWarnings()
    {
        var files = Directory.GetFiles(Path.Combine(Root, "examples"), "*.guv.*");

        Assert.NotEmpty(files);
        Assert.Empty(files.SelectMany(f => Failures(File.ReadAllText(f), Path.GetRelativePath(Root, f))));
    }

    [Fact]
    public void Documents_EveryYamlBlock_ValidatesWithoutWarnings()
    {
        var failures = new[] { "README.md", Path.Combine("docs", "configuration.md") }
            .Select(name => Path.Combine(Root, name))
            .Where(File.Exists)
            .SelectMany(path => YamlBlocks(File.ReadAllText(path))
                .SelectMany(b => Failures(b.Text, Path.GetRelativePath(Root, path), firstLine: b.Line)));

        Assert.Empty(failures);
    }

    [Fact]
    public void YamlBlocks_FindsEachYamlFenceWithItsLineAndSkipsMarkedOnes()
    {
        var markdown = "# Title\n\n```yaml\nw1: {p: 3}\n```\n\n```bash\nguv run\n```\n"
            + "```yaml\n# not a guv config\nversion: 3\n```\n```yaml\nw2: {procesing: 3}\n```\n";

        var blocks = YamlBlocks(markdown);

        Assert.Equal([(4, "w1: {p: 3}\n"), (15, "w2: {procesing: 3}\n")], blocks.Select(b => (b.Line, b.Text)));
        Assert.Empty(Failures(blocks[0].Text, "README.md"));
        Assert.Single(Failures(blocks[1].Text, "README.md"));
    }

    /// <summary>The ```yaml blocks of a Markdown text, each with the line its first line of YAML is on.</summary>
    internal static List<(int Line, string Text)> YamlBlocks(string markdown)
    {
        var text = markdown.ReplaceLineEndings("\n");
        return Fence().Matches(text)
            .Select(m => (Line: text[..m.Groups["body"].Index].Count(c => c == '\n') + 1, Text: m.Groups["body"].Value))
            .Where(b => !b.Text.StartsWith(NotAConfig, StringComparison.Ordinal))
            .ToList();
    }

    /// <summary>Every problem and warning, placed in the file the text came from.</summary>
    private static IEnumerable<string> Failures(string text, string source, int firstLine = 1)
    {
        var result = new ConfigLoader(_ => null).Check(text, source);
        var roles = result.Config?.Roles.Count ?? 0;
        return result.Problems.Concat(result.Warnings)
            .Select(p => (p.Line > 0 ? p with { Line = p.Line + firstLine - 1 } : p).ToString())
            .Concat(result.Problems.Count == 0 && roles == 0 ? [$"{source}:{firstLine}: defines no role"] : []);
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "guv.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"guv.sln not found above {AppContext.BaseDirectory}");
    }

    [GeneratedRegex(@"^```ya?ml[ \t]*\n(?<body>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex Fence();
}
