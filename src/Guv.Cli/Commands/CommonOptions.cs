using System.CommandLine;

namespace Guv.Cli.Commands;

/// <summary>Arguments and options that several commands share, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The optional config file argument of validate and explain.</summary>
    public static Argument<string?> ConfigFile()
    {
        var file = new Argument<string?>("FILE")
        {
            Description = "The config file (*.guv.yaml or JSON). Default: the YAML text in env GUV_CONFIG.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        RejectOptionLookalikes(file);
        return file;
    }

    /// <summary>
    /// A token like <c>--bogus</c> would otherwise be taken as a file name and end in "no such file"; it is far more
    /// likely a mistyped option, so say that.
    /// </summary>
    public static void RejectOptionLookalikes(Argument argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.StartsWith('-') && t.Value.Length > 1))
            {
                result.AddError($"unknown option '{token.Value}'");
            }
        });

    /// <summary>An option taking a whole number of zero or more, with a plain message for anything else.</summary>
    public static Option<int?> WholeNumber(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, System.Globalization.NumberStyles.None,
                    System.Globalization.CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"{name} needs a whole number of zero or more, got '{text}'");
            return null;
        },
    };

    /// <summary>guv 0.3's <c>--allow-key</c>: extra keys accepted and ignored.</summary>
    public static Option<string[]> AllowKey() => new("--allow-key")
    {
        Description = "Accept and ignore this extra key in roles (repeatable). Default: only guv's own keys.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
