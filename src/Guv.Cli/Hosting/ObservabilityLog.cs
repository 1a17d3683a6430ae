using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>Log events of the observability wiring (event ids 5100-5199).</summary>
internal static partial class ObservabilityLog
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Information,
        Message = "dashboard and metrics at {Address} (/metrics, /healthz, /api/state, /api/history)")]
    public static partial void Listening(ILogger log, Uri address);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning,
        Message = "no dashboard, metrics or health endpoint: {Error}")]
    public static partial void NotListening(ILogger log, string error);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning,
        Message = "{Store} is reached without verifying its TLS certificate; add sslmode=verify-full and "
            + "sslrootcert=CA.pem to the postgres:// URL, so that no one in between can read or change the history "
            + "and the lease")]
    public static partial void DatabaseUnverified(ILogger log, string store);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Information,
        Message = "history in {Store}; {Restored} recent ticks restored")]
    public static partial void HistoryOpened(ILogger log, string store, int restored);
}
