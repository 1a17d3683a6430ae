using YamlDotNet.Core;

namespace Guv.Configuration;

/// <summary>
/// Loads guv's config format: top-level keys are roles, <c>'*'</c> holds defaults every role inherits, values
/// may use guv 0.3's shorthands. Collects every problem before failing, each with its line and column.
/// </summary>
public sealed class ConfigLoader
{
    /// <summary>The name of the defaults role.</summary>
    public const string DefaultsRole = "*";

    private readonly Func<string, string?> _environment;
    private readonly IReadOnlySet<string> _allowedExtraKeys;

    /// <summary>Creates a loader.</summary>
    /// <param name="environment">Reads an environment variable; defaults to the process environment.</param>
    /// <param name="allowedExtraKeys">Keys accepted and ignored besides the known ones (guv's <c>--allow-key</c>).</param>
    public ConfigLoader(Func<string, string?>? environment = null, IEnumerable<string>? allowedExtraKeys = null)
    {
        _environment = environment ?? Environment.GetEnvironmentVariable;
        _allowedExtraKeys = new HashSet<string>(allowedExtraKeys ?? [], StringComparer.Ordinal);
    }

    /// <summary>Loads a config file.</summary>
    /// <exception cref="ConfigException">The file is missing, unreadable or invalid; lists every problem.</exception>
    public GuvConfig LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message;
            throw new ConfigException([
                new ConfigProblem(path, 0, 0, null, null, $"cannot read the config: {reason}",
                    "Check the path given with --config."),
            ]);
        }

        return Load(text, path);
    }

    /// <summary>Loads config text.</summary>
    /// <param name="text">YAML or JSON.</param>
    /// <param name="source">Where the text came from, for messages.</param>
    /// <exception cref="ConfigException">The text is invalid; lists every problem.</exception>
    public GuvConfig Load(string text, string source)
    {
        var result = Check(text, source);
        return result.Problems.Count > 0 ? throw new ConfigException(result.Problems) : result.Config!;
    }

    /// <summary>Checks config text and returns every problem and warning instead of throwing.</summary>
    public ConfigCheckResult Check(string text, string source)
    {
        var problems = new List<ConfigProblem>();
        var warnings = new List<ConfigProblem>();
        if (string.IsNullOrWhiteSpace(text))
        {
            problems.Add(new(source, 0, 0, null, null, "the config is empty",
                "Add at least one role (for example 'worker: {processing: 10}'), or a comment if you want none."));
            return new(null, problems, warnings);
        }

        ConfigNode? root;
        try
        {
            root = ConfigTextReader.Read(WithoutJsonTabs(text));
        }
        catch (YamlException e)
        {
            problems.Add(SyntaxHints.Problem(text, source, e));
            return new(null, problems, warnings);
        }

        var context = new RoleReader(source, _environment, _allowedExtraKeys, problems, warnings);
        var config = context.ReadConfig(root);
        return new(problems.Count == 0 ? config with { Warnings = warnings } : null, problems, warnings);
    }

    /// <summary>
    /// JSON allows tabs wherever it allows spaces, YAML not for indentation. guv 0.3's reader took JSON indented with
    /// tabs, so in a text that is one JSON object every tab becomes a space: a raw tab cannot occur inside a JSON
    /// string, and one character for one keeps every line and column as written.
    /// </summary>
    private static string WithoutJsonTabs(string text) =>
        text.TrimStart().StartsWith('{') && text.TrimEnd().EndsWith('}') ? text.Replace('\t', ' ') : text;
}
