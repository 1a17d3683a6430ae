using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>Log events of the command line itself (event ids 5000-5099).</summary>
internal static partial class CliLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information,
        Message = "guv governing {Roles} roles from {Source}, polling every {Seconds} s{Mode}")]
    public static partial void Starting(ILogger log, int roles, string source, double seconds, string mode);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information,
        Message = "stopping: workers get their stop_timeout to finish their jobs")]
    public static partial void Stopping(ILogger log);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "{Problem}")]
    public static partial void ConfigWarning(ILogger log, string problem);
}
