using System.Text.Json;
using Guv.Cli;
using Guv.Cli.Commands;
using Guv.Configuration;

namespace Guv.Tests.Cli.Commands;

public sealed class ExplainCommandTests
{
    private static GuvConfig Config(string yaml) => new ConfigLoader(_ => null).Load(yaml, "t.yaml");

    private static JsonElement Decide(string yaml, string role, int jobs, int? current, params int[] history)
    {
        var output = new StringWriter();
        ExplainCommand.WriteDecision(Config(yaml), new(role, jobs, current, history), json: true, output);
        return JsonDocument.Parse(output.ToString()).RootElement;
    }

    public static TheoryData<string, int, int?, int[], int, int?, string> Decisions() => new()
    {
        // Defaults, 40 jobs: ceil(400 / 38.37) = 11, clamped to max 5 (domain worked example).
        { "w: {}", 40, null, [], 5, 5, "Initial" },
        { "w: {max: 20}", 40, 3, [], 11, 11, "ScaleUp" },
        // Concurrency 3: ceil(140 / 38.37) = 4.
        { "w: {concurrency: 3, max: 20}", 40, 4, [], 4, null, "Unchanged" },
        // Lower than now, but a higher estimate of the last 4 ticks limits the way down.
        { "w: {max: 20}", 10, 12, [4, 6, 5], 3, 6, "ScaleDownToHistory" },
        { "w: {max: 20}", 10, 5, [4, 6, 5], 3, null, "HeldByHistory" },
        // Only the last floor(120 / 30) = 4 estimates count: the 9 has left the window.
        { "w: {max: 20}", 10, 12, [9, 2, 2, 2, 2], 3, 3, "ScaleDown" },
        // guv 0.3's tight-deadline fault: one job must never ask for more than one worker.
        { "w: {d: 1200, percentile: 68, p: 496, stddev: 1404, concurrency: 4, min: 0, max: 2}", 1, 0, [], 1, 1,
            "ScaleUp" },
    };

    [Theory]
    [MemberData(nameof(Decisions))]
    public void WriteDecision_Json_IsThePolicysDecision(
        string yaml, int jobs, int? current, int[] history, int estimate, int? next, string reason)
    {
        var answer = Decide(yaml, "w", jobs, current, history);

        Assert.Equal(("w", jobs, estimate, reason),
            (answer.GetProperty("role").GetString(), answer.GetProperty("jobs").GetInt32(),
                answer.GetProperty("estimate").GetInt32(), answer.GetProperty("reason").GetString()));
        var written = answer.GetProperty("next");
        Assert.Equal(next, written.ValueKind == JsonValueKind.Null ? null : written.GetInt32());
    }

    [Fact]
    public void WriteDecision_Json_HasExactlyTheDocumentedFields()
    {
        var answer = Decide("w: {}", "w", 40, 3);

        Assert.Equal(["role", "jobs", "estimate", "next", "target", "reason"],
            answer.EnumerateObject().Select(p => p.Name));
        Assert.Equal(48.368, answer.GetProperty("target").GetDouble());
    }

    [Fact]
    public void WriteDecision_Text_ShowsTheArithmetic()
    {
        var output = new StringWriter();

        ExplainCommand.WriteDecision(Config("w: {max: 20}"), new("w", 40, 3, [4, 6, 5]), json: false, output);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("role w: 40 jobs waiting, 3 workers now", lines[0]);
        Assert.Equal("  target:    deadline 60 s - z(99%) 2.326 x stddev 5 s = 48.37 s", lines[1]);
        Assert.Equal("  waiting:   ceil(40 jobs / concurrency 1) x processing 10 s = 400 s of work", lines[2]);
        Assert.Equal("  available: max(processing 10 s, target 48.37 s - processing) = 38.37 s per worker", lines[3]);
        Assert.Equal("  estimate:  ceil(400 s / 38.37 s) = 11, within min 1 and max 20: 11 workers", lines[4]);
        Assert.Equal("  decision:  scale from 3 to 11 workers (ScaleUp)", lines[7]);
    }

    [Fact]
    public void WriteDecision_UnknownRole_NamesTheRolesThereAre()
    {
        var error = Assert.Throws<UserError>(() =>
            ExplainCommand.WriteDecision(Config("a: {}\nb: {}"), new("c", 1, null, []), false, TextWriter.Null));

        Assert.Equal("no role 'c' in t.yaml; its roles are: a, b", error.Message);
    }

    [Fact]
    public void WriteOverview_ShowsEachRoleAndTheTotalsPerDynoSize()
    {
        var output = new StringWriter();

        ExplainCommand.WriteOverview(Config("'*': {app: shop}\nresize: {max: 20}\nreport: {dynosize: performance-m, max: 2}"),
            output);

        var lines = output.ToString().Split(Environment.NewLine);
        Assert.Equal("t.yaml: 2 roles, polling every 30 s", lines[0]);
        Assert.Equal(["resize", "resize", "resize", "shop", "48.37", "1", "20", "6", "120", "76", "$0.03", "$0.69"],
            Cells(lines[4]));
        Assert.Equal(["all", "2", "2", "22", "$0.38", "$1.39"], Cells(lines.Single(l => l.StartsWith("all "))));
    }

    [Fact]
    public void WriteOverview_CostKey_OverridesTheListPrice()
    {
        var output = new StringWriter();

        ExplainCommand.WriteOverview(Config("w: {cost: 1.5, min: 2, max: 4}"), output);

        Assert.Equal(["w", "w", "w", "(GUV_APP", "unset)", "48.37", "2", "4", "12", "24", "15", "$3.00", "$6.00"],
            Cells(output.ToString().Split(Environment.NewLine)[4]));
    }

    private static string[] Cells(string line) => line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}
