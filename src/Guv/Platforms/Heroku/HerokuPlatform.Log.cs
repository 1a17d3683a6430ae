using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Heroku;

/// <summary>The Heroku platform's log events (event ids 3100-3199).</summary>
public sealed partial class HerokuPlatform
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning,
        Message = "{Role}: Heroku allows at most {Limit} {Size} dynos of process type '{Type}' in app '{App}'; "
            + "asking for {Limit} instead of {Wanted}")]
    private static partial void LogLimitReached(
        ILogger log, string role, int limit, string size, string type, string app, int wanted);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning,
        Message = "{Role}: maximum {Maximum} is above Heroku's limit of {Limit} {Size} dynos for process type '{Type}' "
            + "in app '{App}', so guv stops at {Limit}; lower 'maximum' to {Limit}, or ask Heroku to raise the limit")]
    private static partial void LogAboveLimit(
        ILogger log, string role, int maximum, int limit, string size, string type, string app);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Heroku's API rate limit is nearly spent for app '{App}' ({Remaining} requests left for the key from "
            + "{KeySource}); guv sends no changes until {Until:HH:mm:ss} UTC and decides again then")]
    private static partial void LogRateLimited(ILogger log, string app, int? remaining, string keySource, DateTimeOffset until);
}
