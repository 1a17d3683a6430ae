using Guv.Tests.Support;
using System.Text;
using Guv.Tests.TestDoubles;
using Guv.Web;

namespace Guv.Tests.Web;

public class GuvMetricsTests
{
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:guest@127.0.0.1/'}
        resize: {processing: 10, deadline: 60, min: 1, max: 40}
        thumbs: {min: 2, max: 5, deadline: 120}
        """;

    [Fact]
    public async Task Metrics_AfterScaleUp_ParseStrictlyAndShowEachRole()
    {
        var rig = new GovernorRig(Config);
        var metrics = new GuvMetrics();
        rig.Governor.Ticked += tick => metrics.Observe(tick, rig.Governor.Config);
        rig.Queues.SetJobs("thumbs", 3);

        await rig.TickAsync("resize", 420);
        var families = PrometheusTextParser.Parse(await RenderAsync(metrics));

        Assert.Equal(420, PrometheusTextParser.Value(families, "guv_role_jobs", ("role", "resize")));
        Assert.Equal(40, PrometheusTextParser.Value(families, "guv_role_workers_desired", ("role", "resize")));
        Assert.Equal(40, PrometheusTextParser.Value(families, "guv_role_workers_estimated", ("role", "resize")));
        Assert.Equal(0, PrometheusTextParser.Value(families, "guv_role_workers_current", ("role", "resize")));
        Assert.Equal(40, PrometheusTextParser.Value(families, "guv_role_workers_maximum", ("role", "resize")));
        Assert.Equal(2, PrometheusTextParser.Value(families, "guv_role_workers_minimum", ("role", "thumbs")));
        Assert.Equal(120, PrometheusTextParser.Value(families, "guv_role_deadline_seconds", ("role", "thumbs")));
        Assert.Equal(1.5, PrometheusTextParser.Value(families, "guv_role_fill_rate", ("role", "resize")));
        Assert.Equal(1, PrometheusTextParser.Value(families, "guv_decisions_total", ("role", "resize"), ("reason", "ScaleUp")));
        Assert.Equal(1, PrometheusTextParser.Value(families, "guv_tick_duration_seconds_count"));
        Assert.Equal("histogram", families["guv_tick_duration_seconds"].Type);
    }

    [Fact]
    public async Task Metrics_QueueNotRead_CountsTheKindAndLeavesJobsOut()
    {
        var rig = new GovernorRig(Config);
        var metrics = new GuvMetrics();
        rig.Governor.Ticked += tick => metrics.Observe(tick, rig.Governor.Config);
        await rig.TickAsync("resize", 10);

        rig.Queues.Stats.Remove("resize");
        await rig.Governor.TickAsync(CancellationToken.None);
        var families = PrometheusTextParser.Parse(await RenderAsync(metrics));

        Assert.Equal(1, PrometheusTextParser.Value(families, "guv_read_errors_total", ("role", "resize"), ("kind", "not_found")));
        Assert.DoesNotContain(families["guv_role_jobs"].Samples, s => s.Labels["role"] == "resize");
    }

    [Fact]
    public async Task Metrics_PlatformCalls_AreTimedAndFailuresCounted()
    {
        var metrics = new GuvMetrics();
        var platform = new MeasuredPlatform(new FakePlatform(), metrics);
        var rig = new GovernorRig(Config);

        await platform.ReadAsync(rig.Config.Roles, CancellationToken.None);
        metrics.ObservePlatformCall("local", "scale", TimeSpan.FromMilliseconds(20), failures: 2);
        var families = PrometheusTextParser.Parse(await RenderAsync(metrics));

        Assert.Equal(1, PrometheusTextParser.Value(families, "guv_platform_call_duration_seconds_count",
            ("platform", "local"), ("operation", "read")));
        Assert.Equal(2, PrometheusTextParser.Value(families, "guv_platform_call_failures_total",
            ("platform", "local"), ("operation", "scale")));
    }

    internal static async Task<string> RenderAsync(GuvMetrics metrics)
    {
        using var buffer = new MemoryStream();
        await metrics.WriteAsync(buffer, CancellationToken.None);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
