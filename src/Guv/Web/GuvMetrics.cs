using Guv.Governor;
using Prometheus;

namespace Guv.Web;

/// <summary>
/// guv's Prometheus metrics, updated after every tick and by every platform call, served at <c>/metrics</c>.
/// A value guv does not know (a queue that could not be read) is left out rather than reported as zero.
/// </summary>
public sealed class GuvMetrics
{
    private readonly Gauge _jobs;
    private readonly Gauge _consumers;
    private readonly Gauge _fillRate;
    private readonly Gauge _drainRate;
    private readonly Gauge _current;
    private readonly Gauge _desired;
    private readonly Gauge _estimated;
    private readonly Gauge _minimum;
    private readonly Gauge _maximum;
    private readonly Gauge _deadline;
    private readonly Counter _decisions;
    private readonly Counter _readErrors;
    private readonly Histogram _tickDuration;
    private readonly Gauge _lastTick;
    private readonly Histogram _platformLatency;
    private readonly Counter _platformFailures;
    private readonly Gauge _leader;
    private readonly HashSet<string> _roles = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    /// <summary>Creates the metrics in a registry of their own.</summary>
    public GuvMetrics()
    {
        var f = Metrics.WithCustomRegistry(Registry);
        string[] role = ["role"];
        _jobs = f.CreateGauge("guv_role_jobs", "Jobs in the role's queue: ready plus unacknowledged.", role);
        _consumers = f.CreateGauge("guv_role_consumers", "Consumers on the role's queue.", role);
        _fillRate = f.CreateGauge("guv_role_fill_rate", "Jobs arriving per second (broker's last sample).", role);
        _drainRate = f.CreateGauge("guv_role_drain_rate", "Jobs acknowledged per second (broker's last sample).", role);
        _current = f.CreateGauge("guv_role_workers_current", "Workers the platform reported before deciding.", role);
        _desired = f.CreateGauge("guv_role_workers_desired", "Workers the role should have after the decision.", role);
        _estimated = f.CreateGauge("guv_role_workers_estimated", "Workers the model says are needed now.", role);
        _minimum = f.CreateGauge("guv_role_workers_minimum", "The role's configured minimum.", role);
        _maximum = f.CreateGauge("guv_role_workers_maximum", "The role's configured maximum.", role);
        _deadline = f.CreateGauge("guv_role_deadline_seconds", "The role's configured deadline.", role);
        _decisions = f.CreateCounter("guv_decisions_total", "Decisions by reason.", ["role", "reason"]);
        _readErrors = f.CreateCounter("guv_read_errors_total",
            "Ticks in which a role was left as it was, by kind of failure.", ["role", "kind"]);
        _tickDuration = f.CreateHistogram("guv_tick_duration_seconds", "How long one tick took.",
            new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.005, 2, 14) });
        _lastTick = f.CreateGauge("guv_last_tick_timestamp_seconds", "When the last tick started, Unix time.");
        _platformLatency = f.CreateHistogram("guv_platform_call_duration_seconds",
            "Latency of platform calls.", new HistogramConfiguration
            {
                LabelNames = ["platform", "operation"],
                Buckets = Histogram.ExponentialBuckets(0.001, 2.5, 12),
            });
        _platformFailures = f.CreateCounter("guv_platform_call_failures_total",
            "Platform calls that failed, per role result or whole call.", ["platform", "operation"]);
        _leader = f.CreateGauge("guv_leader",
            "1 while this guv holds the leader lease and applies changes, 0 while it stands by; absent without a lease.",
            new GaugeConfiguration { SuppressInitialValue = true });
    }

    /// <summary>The registry holding guv's metrics and nothing else.</summary>
    public CollectorRegistry Registry { get; } = Metrics.NewCustomRegistry();

    /// <summary>Writes every metric in the Prometheus text format.</summary>
    public Task WriteAsync(Stream output, CancellationToken cancellationToken) =>
        Registry.CollectAndExportAsTextAsync(output, cancellationToken);

    /// <summary>Updates the metrics from a tick; subscribe it to <see cref="Governor.Governor.Ticked"/>.</summary>
    public void Observe(TickReport tick, Configuration.GuvConfig config)
    {
        lock (_gate)
        {
            foreach (var gone in _roles.Where(r => tick.Roles.All(t => t.Role != r)).ToList())
            {
                ForgetRole(gone);
            }

            foreach (var r in tick.Roles)
            {
                _roles.Add(r.Role);
                var options = config.Find(r.Role);
                Set(_jobs, r.Role, r.Stats?.Jobs);
                Set(_consumers, r.Role, r.Stats?.Consumers);
                Set(_fillRate, r.Role, r.Stats?.PublishRate);
                Set(_drainRate, r.Role, r.Stats?.AckRate);
                Set(_current, r.Role, r.Workers);
                Set(_desired, r.Role, r.Decision is { } d ? d.Next ?? r.Workers : null);
                Set(_estimated, r.Role, r.Decision?.Estimate);
                Set(_minimum, r.Role, options?.Minimum);
                Set(_maximum, r.Role, options?.Maximum);
                Set(_deadline, r.Role, options?.Deadline);
                if (r.Decision is { } decision)
                {
                    _decisions.WithLabels(r.Role, decision.Reason.ToString()).Inc();
                }

                if (r.ErrorKind is { } kind)
                {
                    _readErrors.WithLabels(r.Role, kind).Inc();
                }
            }

            _tickDuration.Observe(tick.Duration.TotalSeconds);
            _lastTick.Set(tick.At.ToUnixTimeMilliseconds() / 1000.0);
        }
    }

    /// <summary>Records whether this guv holds the leader lease (issue #6); never called when it runs alone.</summary>
    public void ObserveLeadership(bool leader) => _leader.Set(leader ? 1 : 0);

    /// <summary>Records one platform call.</summary>
    public void ObservePlatformCall(string platform, string operation, TimeSpan duration, int failures)
    {
        _platformLatency.WithLabels(platform, operation).Observe(duration.TotalSeconds);
        var counter = _platformFailures.WithLabels(platform, operation);
        counter.Inc(failures);
    }

    private void ForgetRole(string role)
    {
        _roles.Remove(role);
        var gauges = new[]
        {
            _jobs, _consumers, _fillRate, _drainRate, _current, _desired, _estimated, _minimum, _maximum, _deadline,
        };
        foreach (var gauge in gauges)
        {
            gauge.RemoveLabelled(role);
        }
    }

    private static void Set(Gauge gauge, string role, double? value)
    {
        if (value is { } known)
        {
            gauge.WithLabels(role).Set(known);
        }
        else
        {
            gauge.RemoveLabelled(role);
        }
    }
}
