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

    public static Option<string?> HistoryDb(string name = "--history-db") => new(name)
    {
        Description = $"Where history is kept: a SQLite file, a postgres://user:password@host/db URL, or 'off'. "
            + $"Default {HistoryStores.DefaultPath}.",
    };
}
