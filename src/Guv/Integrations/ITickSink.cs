using Guv.Configuration;
using Guv.Governor;

namespace Guv.Integrations;

/// <summary>An outside service that hears about every tick (New Relic, statuspage.io).</summary>
public interface ITickSink
{
    /// <summary>The service's name, for messages.</summary>
    string Name { get; }

    /// <summary>Sends what the service wants of one tick; throws <see cref="HttpRequestException"/> on failure.</summary>
    Task SendAsync(TickReport tick, GuvConfig config, HttpClient http, CancellationToken cancellationToken);
}
