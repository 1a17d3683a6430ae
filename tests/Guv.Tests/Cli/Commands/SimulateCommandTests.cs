using System.Text.Json;
using Guv.Cli;
using Guv.Cli.Commands;
using Guv.Simulation.Traces;

namespace Guv.Tests.Cli.Commands;

public sealed class SimulateCommandTests : IDisposable
{
    private readonly string _config = Path.GetTempFileName();

    public SimulateCommandTests() =>
        File.WriteAllText(_config, "'*': {boot: 50, pollinterval: 30}\nworker: {processing: 10, deadline: 60, max: 50}\n");

    public void Dispose() => File.Delete(_config);

    [Fact]
    public void Json_MapsEachComparedPolicyToItsFigures()
    {
        var output = Run(Request("poisson:rate=1,length=1800", compare: "classic,hpa,next", json: true));

        using var json = JsonDocument.Parse(output);
        var policies = json.RootElement.GetProperty("policies");
        Assert.Equal(["classic", "hpa", "next"], policies.EnumerateObject().Select(p => p.Name));
        foreach (var policy in policies.EnumerateObject())
        {
            var figures = policy.Value;
            Assert.InRange(figures.GetProperty("jobs").GetInt64(), 1600, 2000);
            Assert.InRange(figures.GetProperty("within_deadline").GetDouble(), 0, 1);
            Assert.InRange(figures.GetProperty("utilization").GetDouble(), 0.01, 1);
            Assert.True(figures.GetProperty("p99_seconds").GetDouble() >= figures.GetProperty("p50_seconds").GetDouble());
            Assert.True(figures.GetProperty("worker_seconds").GetDouble() > 0);
            Assert.True(figures.GetProperty("actions").GetInt32() >= 0);
        }

        // Every policy saw the same jobs.
        Assert.Single(policies.EnumerateObject().Select(p => p.Value.GetProperty("jobs").GetInt64()).Distinct());
    }

    [Fact]
    public void Sla_MeasuresAgainstAnotherDeadline()
    {
        var strict = Run(Request("poisson:rate=1,length=1800", json: true, sla: 11));
        var loose = Run(Request("poisson:rate=1,length=1800", json: true, sla: 600));

        double Within(string text) =>
            JsonDocument.Parse(text).RootElement.GetProperty("policies").GetProperty("classic").GetProperty("within_deadline").GetDouble();
        Assert.True(Within(strict) < Within(loose));
        Assert.Equal(1, Within(loose));
    }

    [Fact]
    public void Table_NamesTheRoleTraceAndPolicies()
    {
        var output = Run(Request("poisson:rate=0.5,length=600", compare: "classic,next"));

        Assert.Contains("role worker", output, StringComparison.Ordinal);
        Assert.Contains("poisson", output, StringComparison.Ordinal);
        Assert.Contains("\nclassic ", output, StringComparison.Ordinal);
        Assert.Contains("\nnext ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Plot_WritesAPngChart()
    {
        var chart = Path.Combine(Path.GetTempPath(), $"guv-chart-{Guid.NewGuid():N}.png");
        try
        {
            Run(Request("spike:length=1200,at=600,width=120", compare: "classic,next") with { Plot = chart });

            var bytes = File.ReadAllBytes(chart);
            Assert.True(bytes.Length > 10_000, $"{bytes.Length} bytes");
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
        }
        finally
        {
            File.Delete(chart);
        }
    }

    [Theory]
    [InlineData("poisson:1", "nope", null, "unknown policy 'nope'")]
    [InlineData("missing.csv", null, null, "no trace file 'missing.csv'")]
    [InlineData("poisson:1", null, "other", "no role 'other'")]
    public void Mistakes_AreOneLineUserErrors(string trace, string? policy, string? role, string message)
    {
        var error = Assert.Throws<UserError>(() => Run(Request(trace, policy: policy, role: role)));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private SimulateRequest Request(
        string trace,
        string? compare = null,
        bool json = false,
        double? sla = null,
        string? policy = null,
        string? role = null) =>
        new(_config, trace, role, policy, compare, 1, json, null, sla, new TraceOptions());

    private static string Run(SimulateRequest request)
    {
        using var writer = new StringWriter();
        SimulateCommand.Run(request, writer);
        return writer.ToString();
    }
}
