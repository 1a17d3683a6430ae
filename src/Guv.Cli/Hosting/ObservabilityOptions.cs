using System.CommandLine;
using System.Globalization;
using Guv.History;
using Guv.Web;

namespace Guv.Cli.Hosting;

/// <summary>The options of <c>guv run</c> and the analysis commands that say where guv serves and stores.</summary>
internal sealed class ObservabilityOptions
{
    public Option<string?> Listen { get; } = new("--listen")
    {
        Description = "Serve the dashboard, /metrics, /healthz and /api on HOST:PORT, or 'off'. "
            + $"Default {ListenAddress.Default}.",
    };

    public Option<string?> HistoryDb { get; } = HistoryDbOption();

    public Option<double> HistoryDays { get; } = new("--history-days")
    {
        Description = "Days of history kept; older ticks are deleted once an hour.",
        DefaultValueFactory = _ => HistoryRecorder.DefaultRetention.TotalDays,
    };

    public Option<string?> AuthToken { get; } = new("--auth-token")
    {
        Description = $"Token that every endpoint but /healthz requires (Authorization: Bearer TOKEN); needed when "
            + $"--listen is not a loopback address. Default: env {WebAuth.EnvironmentVariable}, else none.",
    };

    /// <summary>The variable read when no history option is given: it keeps a password off the command line.</summary>
    public const string HistoryDbVariable = "GUV_HISTORY_DB";

    /// <summary>Every option, to add to a command.</summary>
    public IEnumerable<Option> All => [Listen, HistoryDb, HistoryDays, AuthToken];

    public static Option<string?> HistoryDbOption(string name = "--history-db") => new(name)
    {
        Description = "Where history is kept: a SQLite file, a postgres://user:password@host/db URL, or 'off'. "
            + $"Default: env {HistoryDbVariable}, else {HistoryStores.DefaultPath}.",
    };

    /// <summary>The history option as given, else env <c>GUV_HISTORY_DB</c>, else null (the default file).</summary>
    public static string? HistoryDbOrEnvironment(string? given) =>
        !string.IsNullOrEmpty(given) ? given
        : Environment.GetEnvironmentVariable(HistoryDbVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <exception cref="UserError">A value is out of range.</exception>
    public ObservabilitySettings Read(ParseResult result)
    {
        var days = result.GetValue(HistoryDays);
        if (!double.IsFinite(days) || days <= 0 || days > 36500)
        {
            throw new UserError(
                $"--history-days must be a number of days above 0, got {days.ToString(CultureInfo.InvariantCulture)}");
        }

        return new ObservabilitySettings(result.GetValue(Listen), HistoryDbOrEnvironment(result.GetValue(HistoryDb)),
            TimeSpan.FromDays(days),
            result.GetValue(AuthToken) ?? Environment.GetEnvironmentVariable(WebAuth.EnvironmentVariable));
    }
}
