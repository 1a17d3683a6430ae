using Microsoft.Extensions.Logging;

namespace Guv.Tests.Support;

/// <summary>A logger that keeps every event, so tests can check what was logged and that no secret was.</summary>
public sealed class ListLogger<T> : ILogger<T>
{
    private readonly Lock _gate = new();
    private readonly List<(EventId Id, LogLevel Level, string Message)> _events = [];

    /// <summary>Every event so far.</summary>
    public IReadOnlyList<(EventId Id, LogLevel Level, string Message)> Events
    {
        get
        {
            lock (_gate)
            {
                return _events.ToList();
            }
        }
    }

    /// <summary>The message of every event so far, in order.</summary>
    public IReadOnlyList<string> Lines => Events.Select(e => e.Message).ToList();

    /// <summary>The messages of the events with an id.</summary>
    public IReadOnlyList<string> Messages(int eventId) => Events.Where(e => e.Id.Id == eventId).Select(e => e.Message).ToList();

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => true;

    /// <inheritdoc />
    public void Log<TState>(
        LogLevel logLevel,
        EventId eventId,
        TState state,
        Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        lock (_gate)
        {
            _events.Add((eventId, logLevel, formatter(state, exception)));
        }
    }
}
