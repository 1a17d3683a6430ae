using System.CommandLine;

namespace Guv.Cli.Commands;

/// <summary>Arguments and options that several commands share, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The optional config file argument of validate and explain.</summary>
    public static Argument<string?> ConfigFile() => new("FILE")
    {
        Description = "The config file (*.guv.yaml or JSON). Default: the YAML text in env GUV_CONFIG.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>guv 0.3's <c>--allow-key</c>: extra keys accepted and ignored.</summary>
    public static Option<string[]> AllowKey() => new("--allow-key")
    {
        Description = "Accept and ignore this extra key in roles (repeatable). Default: only guv's own keys.",
        Arity = ArgumentArity.ZeroOrMore,
        AllowMultipleArgumentsPerToken = false,
    };
}
