using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Guv.Cli.Output;

/// <summary>
/// guv's help: <c>guv --help</c> ends with the exit codes and environment variables, so scripts and newcomers find
/// them where they look first.
/// </summary>
internal static class GuvHelp
{
    private static readonly (string Name, string Meaning)[] ExitCodeRows =
    [
        (ExitCodes.Ok.ToString(Invariant), "ok"),
        (ExitCodes.InvalidInput.ToString(Invariant),
            "invalid input: a config, file or value guv cannot use; the message says what to change"),
        (ExitCodes.Usage.ToString(Invariant), "usage: an unknown command or option, or a missing or malformed argument"),
        (ExitCodes.Interrupted.ToString(Invariant), "stopped by Ctrl-C or SIGTERM"),
    ];

    private static readonly (string Name, string Meaning)[] EnvironmentRows =
    [
        ("GUV_CONFIG", "the config's YAML text, used when no config file is given"),
        ("GUV_BROKER", "AMQP URL of the broker for roles without 'broker' (else CLOUDAMQP_URL)"),
        ("GUV_APP", "Heroku app for roles without 'app'"),
        ("HEROKU_API_KEY", "Heroku API key for roles without 'apikey'"),
        ("STATUSPAGE_ID", "statuspage.io page id for roles without 'statuspage'"),
        ("GUV_CA_FILE", "PEM file of a CA trusted for HTTPS besides the system's, for roles without 'ca_file'"),
        ("GUV_HISTORY_DB", "history store when --history-db is not given; a postgres:// URL also holds the leader lease"),
        ("GUV_AUTH_TOKEN", "token the web endpoints require when --auth-token is not given"),
        ("NO_COLOR", "set to anything to turn colour off (colour is only used on a terminal)"),
    ];

    private static IFormatProvider Invariant => System.Globalization.CultureInfo.InvariantCulture;

    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().Single();
        help.Action = new RootSections((HelpAction)help.Action!);
    }

    private static void Section(TextWriter output, string title, (string Name, string Meaning)[] rows)
    {
        output.WriteLine(title);
        var width = rows.Max(r => r.Name.Length);
        foreach (var (name, meaning) in rows)
        {
            output.WriteLine($"  {name.PadRight(width)}  {meaning}");
        }

        output.WriteLine();
    }

    /// <summary>The standard help, then for <c>guv --help</c> the exit codes and environment variables.</summary>
    private sealed class RootSections(HelpAction standard) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = standard.Invoke(parseResult);
            if (parseResult.CommandResult.Command is RootCommand)
            {
                var output = parseResult.InvocationConfiguration.Output;
                Section(output, "Exit codes:", ExitCodeRows);
                Section(output, "Environment:", EnvironmentRows);
            }

            return code;
        }
    }
}
