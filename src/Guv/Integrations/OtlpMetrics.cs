using System.Diagnostics.Metrics;
using Guv.Configuration;
using Guv.Governor;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace Guv.Integrations;

/// <summary>
/// Pushes guv's main metrics with the OpenTelemetry protocol, for setups that collect rather than scrape. Reads
/// the standard variables: <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (turns it on), <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>
/// (default here <c>http/protobuf</c>), <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_METRIC_EXPORT_INTERVAL</c> (ms).
/// </summary>
public sealed class OtlpMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "guv";

    private readonly Meter _meter = new(MeterName);
    private readonly MeterProvider _provider;
    private readonly Histogram<double> _tickDuration;
    private volatile Snapshot? _last;

    /// <summary>Starts exporting; the SDK reads endpoint and headers from the environment.</summary>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="trust">Which HTTPS collectors to trust. Default: the system's CAs.</param>
    public OtlpMetrics(Func<string, string?> environment, Security.TlsTrust? trust = null)
    {
        var grpc = environment("OTEL_EXPORTER_OTLP_PROTOCOL") == "grpc";
        _tickDuration = _meter.CreateHistogram<double>("guv.tick.duration", "s", "How long one tick took.");
        Gauge("guv.role.jobs", "{job}", "Jobs in the role's queue.", (r, _) => r.Stats?.Jobs);
        Gauge("guv.role.consumers", "{consumer}", "Consumers on the role's queue.", (r, _) => r.Stats?.Consumers);
        Gauge("guv.role.fill_rate", "{job}/s", "Jobs arriving per second.", (r, _) => r.Stats?.PublishRate);
        Gauge("guv.role.drain_rate", "{job}/s", "Jobs acknowledged per second.", (r, _) => r.Stats?.AckRate);
        Gauge("guv.role.workers.current", "{worker}", "Workers before deciding.", (r, _) => r.Workers);
        Gauge("guv.role.workers.desired", "{worker}", "Workers after the decision.",
            (r, _) => r.Decision is { } d ? d.Next ?? r.Workers : null);
        Gauge("guv.role.workers.estimated", "{worker}", "Workers the model says are needed.", (r, _) => r.Decision?.Estimate);
        Gauge("guv.role.workers.minimum", "{worker}", "The role's minimum.", (_, o) => o?.Minimum);
        Gauge("guv.role.workers.maximum", "{worker}", "The role's maximum.", (_, o) => o?.Maximum);
        Gauge("guv.role.deadline", "s", "The role's deadline.", (_, o) => o?.Deadline);

        _provider = Sdk.CreateMeterProviderBuilder()
            .AddMeter(MeterName)
            .AddOtlpExporter((exporter, reader) =>
            {
                // Set from the variables here rather than left to the SDK, so the variables are read through
                // 'environment' like every other setting of guv (and tests need not change the process's own).
                exporter.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
                exporter.Endpoint = Endpoint(environment, grpc);
                exporter.Headers = environment("OTEL_EXPORTER_OTLP_HEADERS");
                exporter.HttpClientFactory = () => new HttpClient((trust ?? Security.TlsTrust.System).CreateHandler());
                if (int.TryParse(environment("OTEL_METRIC_EXPORT_INTERVAL"), out var interval) && interval > 0)
                {
                    reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = interval;
                }
            })
            .Build();
    }

    /// <summary>Remembers the tick for the next export.</summary>
    public void Observe(TickReport tick, GuvConfig config)
    {
        _last = new Snapshot(tick, config);
        _tickDuration.Record(tick.Duration.TotalSeconds);
    }

    /// <summary>Exports what is pending, then stops.</summary>
    public void Dispose()
    {
        _provider.Dispose(); // shutting down exports once more
        _meter.Dispose();
    }

    /// <summary>
    /// The metrics endpoint: <c>OTEL_EXPORTER_OTLP_METRICS_ENDPOINT</c> as it is, else <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>
    /// with <c>v1/metrics</c> appended for HTTP, as the OpenTelemetry specification says.
    /// </summary>
    private static Uri Endpoint(Func<string, string?> environment, bool grpc)
    {
        if (environment("OTEL_EXPORTER_OTLP_METRICS_ENDPOINT") is { Length: > 0 } metrics)
        {
            return new Uri(metrics);
        }

        var baseUrl = environment("OTEL_EXPORTER_OTLP_ENDPOINT")!;
        return grpc ? new Uri(baseUrl) : new Uri(baseUrl.TrimEnd('/') + "/v1/metrics");
    }

    private void Gauge(string name, string unit, string description, Func<RoleTick, RoleOptions?, double?> read) =>
        _meter.CreateObservableGauge(name, () => Measure(read), unit, description);

    private IEnumerable<Measurement<double>> Measure(Func<RoleTick, RoleOptions?, double?> read)
    {
        if (_last is not { } last)
        {
            yield break;
        }

        foreach (var r in last.Tick.Roles)
        {
            if (read(r, last.Config.Find(r.Role)) is { } value)
            {
                yield return new Measurement<double>(value, new KeyValuePair<string, object?>("role", r.Role));
            }
        }
    }

    private sealed record Snapshot(TickReport Tick, GuvConfig Config);
}
