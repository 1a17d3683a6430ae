using Microsoft.Extensions.Logging;

namespace Guv.Leadership;

/// <summary>Leadership events (ids 8001-8099): Information for every change of who applies, Warning for failures.</summary>
public sealed partial class LeaderLease
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information,
        Message = "leader: this guv ({Holder}) holds the lease for {Seconds} s at a time and applies changes")]
    private static partial void LogBecameLeader(ILogger log, string holder, double seconds);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Information,
        Message = "standby: {Leader} holds the lease; deciding every tick, applying nothing")]
    private static partial void LogStandingBy(ILogger log, string leader);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Warning,
        Message = "leadership lost: the lease could not be renewed ({Error}); applying nothing until it is held again")]
    private static partial void LogLostUnreachable(ILogger log, string error);

    [LoggerMessage(EventId = 8004, Level = LogLevel.Warning,
        Message = "the lease could not be read ({Error}); applying nothing")]
    private static partial void LogUnreachable(ILogger log, string error);

    [LoggerMessage(EventId = 8005, Level = LogLevel.Information,
        Message = "released the lease ({Holder}); a standby takes over at its next tick")]
    private static partial void LogReleased(ILogger log, string holder);

    [LoggerMessage(EventId = 8006, Level = LogLevel.Warning,
        Message = "could not release the lease ({Error}); a standby takes over when it runs out within {Seconds} s")]
    private static partial void LogNotReleased(ILogger log, string error, double seconds);
}
