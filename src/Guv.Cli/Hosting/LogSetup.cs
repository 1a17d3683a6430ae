using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace Guv.Cli.Hosting;

/// <summary>Builds guv's loggers: one line per event, as text for people or JSON for machines.</summary>
internal static class LogSetup
{
    public static ILoggerFactory Create(string format, bool verbose) =>
        LoggerFactory.Create(builder =>
        {
            builder.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Information);
            if (format == "json")
            {
                builder.AddJsonConsole(o =>
                {
                    o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                    o.UseUtcTimestamp = true;
                });
            }
            else
            {
                builder.AddSimpleConsole(o =>
                {
                    o.SingleLine = true;
                    o.TimestampFormat = "HH:mm:ss ";
                    o.ColorBehavior = Console.IsOutputRedirected || Environment.GetEnvironmentVariable("NO_COLOR") is { Length: > 0 }
                        ? LoggerColorBehavior.Disabled
                        : LoggerColorBehavior.Default;
                });
            }
        });
}
