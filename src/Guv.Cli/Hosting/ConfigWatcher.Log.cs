using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>Log events of config reloads (event ids 5010-5019).</summary>
internal sealed partial class ConfigWatcher
{
    [LoggerMessage(EventId = 5010, Level = LogLevel.Information,
        Message = "config reloaded ({Reason}) from {Source}: {Roles} roles, in force from the next tick")]
    private static partial void LogReloaded(ILogger log, string reason, string source, int roles);

    [LoggerMessage(EventId = 5011, Level = LogLevel.Warning, Message = "config reload ({Reason}) rejected: {Problem}")]
    private static partial void LogRejected(ILogger log, string reason, string problem);

    [LoggerMessage(EventId = 5012, Level = LogLevel.Warning,
        Message = "keeping the config in force; fix the {Count} problem(s) above and save again (or send SIGHUP)")]
    private static partial void LogKeeping(ILogger log, int count);

    [LoggerMessage(EventId = 5013, Level = LogLevel.Debug, Message = "{Reason}: {Source} is unchanged, nothing to reload")]
    private static partial void LogUnchanged(ILogger log, string reason, string source);

    [LoggerMessage(EventId = 5014, Level = LogLevel.Warning,
        Message = "{Reason}: the config came from GUV_CONFIG, which a running process cannot re-read; "
            + "restart guv to change it, or run it with a config file")]
    private static partial void LogCannotReload(ILogger log, string reason);
}
