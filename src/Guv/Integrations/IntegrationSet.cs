using System.Threading.Channels;
using Guv.Configuration;
using Guv.Governor;
using Microsoft.Extensions.Logging;

namespace Guv.Integrations;

/// <summary>
/// The integrations turned on by the environment, fed after every tick in the background so a slow service never
/// delays the governor. Each is off unless configured:
/// New Relic by <c>NEW_RELIC_ACCOUNT_ID</c> with <c>NEW_RELIC_INSERT_KEY</c> (or <c>NEW_RELIC_LICENSE_KEY</c>),
/// statuspage.io by <c>STATUSPAGE_API_TOKEN</c> (for roles with a <c>metric</c>), OTLP by
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
/// </summary>
public sealed partial class IntegrationSet : IAsyncDisposable
{
    private readonly IReadOnlyList<ITickSink> _sinks;
    private readonly OtlpMetrics? _otlp;
    private readonly HttpClient _http;
    private readonly ILogger _log;
    private readonly HashSet<string> _failing = new(StringComparer.Ordinal);
    private readonly Channel<(TickReport Tick, GuvConfig Config)> _pending =
        Channel.CreateBounded<(TickReport, GuvConfig)>(new BoundedChannelOptions(100)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });

    private readonly Task _sender;

    /// <summary>Starts the background sender.</summary>
    /// <param name="sinks">The services to send to.</param>
    /// <param name="otlp">The OTLP export, or null.</param>
    /// <param name="log">Failures and recoveries.</param>
    /// <param name="trust">Which HTTPS servers to trust. Default: the system's CAs.</param>
    public IntegrationSet(
        IReadOnlyList<ITickSink> sinks,
        OtlpMetrics? otlp,
        ILogger<IntegrationSet> log,
        Security.TlsTrust? trust = null)
    {
        _http = new HttpClient((trust ?? Security.TlsTrust.System).CreateHandler()) { Timeout = TimeSpan.FromSeconds(10) };
        _sinks = sinks;
        _otlp = otlp;
        _log = log;
        _sender = Task.Run(SendAsync);
    }

    /// <summary>The names of the integrations turned on.</summary>
    public IEnumerable<string> Names => _sinks.Select(s => s.Name).Concat(_otlp is null ? [] : ["OTLP"]);

    /// <summary>Builds the integrations the environment turns on.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="logs">The loggers.</param>
    /// <param name="trust">Which HTTPS servers to trust. Default: the system's CAs.</param>
    public static IntegrationSet FromEnvironment(
        Func<string, string?> environment,
        ILoggerFactory logs,
        Security.TlsTrust? trust = null)
    {
        var sinks = new List<ITickSink>();
        var account = environment("NEW_RELIC_ACCOUNT_ID");
        var insertKey = environment("NEW_RELIC_INSERT_KEY");
        var licenseKey = environment("NEW_RELIC_LICENSE_KEY");
        if (!string.IsNullOrEmpty(account) && (!string.IsNullOrEmpty(insertKey) || !string.IsNullOrEmpty(licenseKey)))
        {
            var endpoint = environment("NEW_RELIC_EVENTS_URL") is { Length: > 0 } url
                ? new Uri(url)
                : NewRelicSink.DefaultEndpoint(account);
            sinks.Add(new NewRelicSink(endpoint, insertKey is { Length: > 0 } ? insertKey : licenseKey!,
                licenseKey: string.IsNullOrEmpty(insertKey)));
        }

        if (environment("STATUSPAGE_API_TOKEN") is { Length: > 0 } token)
        {
            var baseUrl = environment("STATUSPAGE_API_URL") is { Length: > 0 } url
                ? new Uri(url.EndsWith('/') ? url : url + "/")
                : StatuspageSink.DefaultBaseUrl;
            sinks.Add(new StatuspageSink(baseUrl, token));
        }

        var otlp = environment("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 }
            || environment("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") is { Length: > 0 }
            ? new OtlpMetrics(environment, trust)
            : null;
        var set = new IntegrationSet(sinks, otlp, logs.CreateLogger<IntegrationSet>(), trust);
        foreach (var name in set.Names)
        {
            LogEnabled(set._log, name);
        }

        return set;
    }

    /// <summary>Queues a tick for every integration.</summary>
    public void Publish(TickReport tick, GuvConfig config)
    {
        _otlp?.Observe(tick, config);
        if (_sinks.Count > 0)
        {
            _pending.Writer.TryWrite((tick, config));
        }
    }

    /// <summary>Sends what is queued, then stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _sender.WaitAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _otlp?.Dispose();
        _http.Dispose();
    }

    private async Task SendAsync()
    {
        await foreach (var (tick, config) in _pending.Reader.ReadAllAsync())
        {
            foreach (var sink in _sinks)
            {
                try
                {
                    await sink.SendAsync(tick, config, _http, CancellationToken.None);
                    if (_failing.Remove(sink.Name))
                    {
                        LogRecovered(_log, sink.Name);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // One warning per failure streak, not one per tick.
                    if (_failing.Add(sink.Name))
                    {
                        var why = e is TaskCanceledException
                            ? "no answer within 10 s"
                            : Security.TlsFailure.Message(e, null);
                        LogFailed(_log, sink.Name, Queues.BrokerAddress.RedactText(why));
                    }
                }
            }
        }
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "integration on: {Name}")]
    private static partial void LogEnabled(ILogger log, string name);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "{Name}: not sent: {Error}; guv goes on scaling and tries again at the next tick")]
    private static partial void LogFailed(ILogger log, string name, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "{Name}: sending again")]
    private static partial void LogRecovered(ILogger log, string name);
}
