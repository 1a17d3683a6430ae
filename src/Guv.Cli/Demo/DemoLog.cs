using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Demo;

/// <summary>Collects guv's log lines during the demo so the live view can show the latest decisions.</summary>
internal sealed class DemoLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TimeProvider _time;
    private readonly Action<string>? _echo;

    public DemoLog(TimeProvider time, Action<string>? echo)
    {
        _time = time;
        _echo = echo;
    }

    /// <summary>The newest lines, oldest first.</summary>
    public IReadOnlyList<string> Latest(int count) => _lines.Reverse().Take(count).Reverse().ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Add(string line)
    {
        var stamped = $"{_time.GetLocalNow():HH:mm:ss} {line}";
        _lines.Enqueue(stamped);
        while (_lines.Count > 200)
        {
            _lines.TryDequeue(out _);
        }

        _echo?.Invoke(stamped);
    }

    private sealed class Logger(DemoLog owner, string category) : ILogger
    {
        // Worker output is noise in the demo; decisions and every warning are what it is there to show.
        public bool IsEnabled(LogLevel logLevel) =>
            logLevel >= LogLevel.Warning || (logLevel >= LogLevel.Information && category.EndsWith(".Governor", StringComparison.Ordinal));

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var level = logLevel >= LogLevel.Warning ? "warn: " : "";
                owner.Add(level + formatter(state, exception));
            }
        }
    }
}
