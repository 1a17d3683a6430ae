using System.CommandLine;
using Guv.History;
using Guv.Web;

namespace Guv.Cli.Hosting;

/// <summary>The options of <c>guv run</c> and the analysis commands that say where guv serves and stores.</summary>
internal static class ObservabilityOptions
{
    public static Option<string?> Listen() => new("--listen")
    {
        Description = $"Serve the dashboard, /metrics, /healthz and /api on HOST:PORT, or 'off'. Default {ListenAddress.Default}.",
    };

    public static Option<string?> AuthToken() => new("--auth-token")
    {
        Description = $"Token that every endpoint but /healthz requires (Authorization: Bearer TOKEN); needed when "
            + $"--listen is not a loopback address. Default: env {WebAuth.EnvironmentVariable}, else none.",
    };

    /// <summary>The variable read when no history option is given: it keeps a password off the command line.</summary>
    public const string HistoryDbVariable = "GUV_HISTORY_DB";

    public static Option<string?> HistoryDb(string name = "--history-db") => new(name)
    {
        Description = $"Where history is kept: a SQLite file, a postgres://user:password@host/db URL, or 'off'. "
            + $"Default: env {HistoryDbVariable}, else {HistoryStores.DefaultPath}.",
    };

    /// <summary>The history option as given, else env <c>GUV_HISTORY_DB</c>, else null (the default file).</summary>
    public static string? HistoryDbOrEnvironment(string? given) =>
        !string.IsNullOrEmpty(given) ? given
        : Environment.GetEnvironmentVariable(HistoryDbVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;
}
