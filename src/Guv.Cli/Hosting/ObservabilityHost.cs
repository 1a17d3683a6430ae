using System.Data.Common;
using Guv.History;
using Guv.Platforms;
using Guv.Web;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>
/// What <c>guv run</c> adds around the governor so people can watch it: the history store (restored into the
/// governor on start), the metrics, the web endpoints and the integrations. Subscribes to the governor's
/// <c>Ticked</c> event and leaves the loop itself alone.
/// </summary>
internal sealed class ObservabilityHost : IAsyncDisposable
{
    private readonly ListenAddress? _listen;
    private readonly ILoggerFactory _logs;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private Governor.Governor? _governor;
    private HistoryRecorder? _recorder;
    private GuvWebServer? _web;
    private Integrations.IntegrationSet? _integrations;
    private TimeSpan _retention = HistoryRecorder.DefaultRetention;
    private Leadership.LeaderLease? _lease;
    private Security.TlsTrust? _trust;
    private WebAuth? _auth;

    private ObservabilityHost(ListenAddress? listen, IHistoryStore store, ILoggerFactory logs, TimeProvider time)
    {
        _listen = listen;
        History = store;
        _logs = logs;
        _time = time;
        _log = logs.CreateLogger("guv");
    }

    public IHistoryStore History { get; }

    public GuvMetrics Metrics { get; } = new();

    /// <summary>Where the web endpoints listen, once started; null when turned off.</summary>
    public Uri? Address => _web?.Address;

    /// <summary>Checks the options; nothing is opened or bound yet.</summary>
    /// <exception cref="UserError">An option cannot be used.</exception>
    public static ObservabilityHost Create(
        ObservabilitySettings settings,
        ILoggerFactory logs,
        TimeProvider time,
        Security.TlsTrust? trust = null)
    {
        try
        {
            var address = ListenAddress.Parse(settings.Listen ?? ListenAddress.Default);
            var auth = address is null ? null : WebAuth.For(address, settings.AuthToken);
            return new ObservabilityHost(address, HistoryStores.Open(settings.HistoryDb), logs, time)
            {
                _retention = settings.Retention,
                _trust = trust,
                _auth = auth,
            };
        }
        catch (FormatException e)
        {
            throw new UserError(e.Message);
        }
    }

    /// <summary>Wraps a platform so its calls show in the metrics.</summary>
    public IWorkerPlatform Measure(IWorkerPlatform platform) => new MeasuredPlatform(platform, Metrics);

    /// <summary>Opens the store, restores the governor's history, starts recording, serving and integrations.</summary>
    /// <param name="governor">The governor to watch.</param>
    /// <param name="dryRun">True when guv changes no workers.</param>
    /// <param name="lease">The leader lease when several guv share the store; a standby stores and sends nothing.</param>
    /// <param name="serve">False to start no web endpoints (<c>--once</c>).</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <exception cref="UserError">The store cannot be opened.</exception>
    public async Task StartAsync(
        Governor.Governor governor,
        bool dryRun,
        Leadership.LeaderLease? lease,
        bool serve,
        CancellationToken cancellationToken)
    {
        _governor = governor;
        _lease = lease;
        try
        {
            await History.InitializeAsync(cancellationToken);
            var restored = await HistoryRecorder.RestoreAsync(governor, History, _time, cancellationToken);
            ObservabilityLog.HistoryOpened(_log, History.Description, restored);
            if (History is PostgresHistoryStore { ServerUnverified: true })
            {
                ObservabilityLog.DatabaseUnverified(_log, History.Description);
            }
        }
        catch (Exception e) when (e is DbException or IOException or InvalidOperationException or TimeoutException)
        {
            throw new UserError($"cannot open the history in {History.Description}: "
                + $"{Queues.BrokerAddress.RedactText(e.Message)}; check --history-db, or give --history-db off");
        }

        _recorder = new HistoryRecorder(History, () => governor.Config, _time, _logs.CreateLogger<HistoryRecorder>(),
            _retention);
        try
        {
            _integrations = Integrations.IntegrationSet.FromEnvironment(Environment.GetEnvironmentVariable, _logs, _trust);
        }
        catch (UriFormatException e)
        {
            throw new UserError($"an integration URL in the environment is not valid ({e.Message}); check "
                + "NEW_RELIC_EVENTS_URL, STATUSPAGE_API_URL and OTEL_EXPORTER_OTLP_ENDPOINT");
        }

        governor.Ticked += OnTicked;

        if (serve && _listen is not null)
        {
            try
            {
                var sources = new WebSources(governor, History, Metrics, _time, dryRun) { Lease = lease };
                _web = await GuvWebServer.StartAsync(_listen, sources, cancellationToken, _auth);
            }
            catch (IOException e)
            {
                // Scaling matters more than watching it: go on without the endpoints, and say so loudly.
                ObservabilityLog.NotListening(_log, e.Message);
                return;
            }

            ObservabilityLog.Listening(_log, _web.Address);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_governor is not null)
        {
            _governor.Ticked -= OnTicked;
        }

        if (_web is not null)
        {
            await _web.DisposeAsync();
        }

        if (_integrations is not null)
        {
            await _integrations.DisposeAsync();
        }

        if (_recorder is not null)
        {
            await _recorder.DisposeAsync();
        }

        await History.DisposeAsync();
    }

    private void OnTicked(Governor.TickReport tick)
    {
        var config = _governor!.Config;
        Metrics.Observe(tick, config);
        if (_lease is { } lease)
        {
            Metrics.ObserveLeadership(lease.IsLeader);

            // The leader writes the shared history and feeds the integrations; a standby doing the same would
            // store every tick twice and send every event twice.
            if (!lease.IsLeader)
            {
                return;
            }
        }

        _recorder?.Record(tick);
        _integrations?.Publish(tick, config);
    }
}
