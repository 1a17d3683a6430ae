namespace Guv.Cli.Hosting;

/// <summary>Where <c>guv run</c> serves and stores, as given on the command line.</summary>
/// <param name="Listen">The <c>--listen</c> value.</param>
/// <param name="HistoryDb">The <c>--history-db</c> value.</param>
/// <param name="Retention">How long history is kept.</param>
/// <param name="AuthToken">The <c>--auth-token</c> value, else env <c>GUV_AUTH_TOKEN</c>.</param>
internal sealed record ObservabilitySettings(string? Listen, string? HistoryDb, TimeSpan Retention, string? AuthToken);
