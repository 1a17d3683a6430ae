using Guv.Model.Policies;
using Microsoft.Extensions.Logging;

namespace Guv.Governor;

/// <summary>The governor's log events: Information for real changes, Debug for no-ops, Warning for one failure.</summary>
public sealed partial class Governor
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "scaled {Role}: {Jobs} jobs, {From} -> {To} workers ({Reason}): {Explanation}")]
    private static partial void LogScaled(
        ILogger log, string role, int jobs, int? from, int to, DecisionReason reason, string explanation);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Debug,
        Message = "{Role}: {Jobs} jobs, {Workers} workers, estimate {Estimate}: no change ({Reason})")]
    private static partial void LogUnchanged(
        ILogger log, string role, int jobs, int? workers, int estimate, DecisionReason reason);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Warning,
        Message = "{Role}: queue not read, workers left as they are: {Error}")]
    private static partial void LogReadFailed(ILogger log, string role, string error);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning,
        Message = "{Role}: worker count not read, workers left as they are: {Error}")]
    private static partial void LogPlatformReadFailed(ILogger log, string role, string error);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning,
        Message = "{Role}: scaling {From} -> {To} failed: {Error}")]
    private static partial void LogScaleFailed(ILogger log, string role, int? from, int to, string error);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Information, Message = "dry run, would send: {Request}")]
    private static partial void LogDryRun(ILogger log, string request);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Information,
        Message = "config reloaded from {Source}: {Roles} roles")]
    private static partial void LogReloaded(ILogger log, string source, int roles);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning,
        Message = "{Role}: found {Found} workers where guv last left {Expected}; scaled by hand or by another tool? "
            + "guv decides from {Found}")]
    private static partial void LogDrift(ILogger log, string role, int found, int expected);

    [LoggerMessage(EventId = 1020, Level = LogLevel.Warning,
        Message = "scaled {Role}: {From} -> {To} workers (Fallback): {Explanation}")]
    private static partial void LogFallback(ILogger log, string role, int? from, int to, string explanation);

    [LoggerMessage(EventId = 1009, Level = LogLevel.Debug,
        Message = "{Role}: standby, not scaling {From} -> {To}: another guv holds the leader lease")]
    private static partial void LogStandby(ILogger log, string role, int? from, int to);
}
