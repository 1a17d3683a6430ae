using System.Globalization;
using System.Text.Json;
using Guv.Configuration;
using Guv.Model;
using Guv.Model.Policies;

namespace Guv.Cli.Commands;

/// <summary>The decision mode of <c>guv explain</c>: the governor's own policy code, asked one question.</summary>
internal static partial class ExplainCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>What the governor would see: a role, its queue, its workers and the estimates of earlier ticks.</summary>
    public sealed record DecisionQuestion(string Role, int Jobs, int? Current, IReadOnlyList<int> History);

    /// <summary>The JSON form of a decision, for scripts.</summary>
    private sealed record DecisionJson(string Role, int Jobs, int Estimate, int? Next, double Target, string Reason);

    /// <summary>Asks the role's policy, exactly as a governor tick does, and prints the answer and its arithmetic.</summary>
    public static void WriteDecision(GuvConfig config, DecisionQuestion question, bool json, TextWriter output)
    {
        var names = string.Join(", ", config.Roles.Select(r => r.Name));
        var role = config.Find(question.Role)
            ?? throw new UserError($"no role '{question.Role}' in {config.Source}; its roles are: {names}");
        if (question.Jobs < 0 || question.Current < 0)
        {
            throw new UserError("--jobs and --current must be zero or more");
        }

        var history = new RoleHistory();
        var at = DateTimeOffset.UnixEpoch;
        foreach (var earlier in question.History)
        {
            history.Add(new TickRecord(at, 0, earlier, null));
            at = at.AddSeconds(config.PollInterval);
        }

        var policy = PolicyCatalog.Find(role.Policy) ?? ClassicPolicy.Instance;
        var observation = new RoleObservation(at, question.Jobs, null, null, null, question.Current);
        var decision = policy.Decide(new PolicyInput(role, observation, history, config.PollInterval));
        var estimate = ClassicModel.Estimate(role, question.Jobs);

        if (json)
        {
            var answer = new DecisionJson(role.Name, question.Jobs, decision.Estimate, decision.Next,
                Math.Round(estimate.Target, 3), decision.Reason.ToString());
            output.WriteLine(JsonSerializer.Serialize(answer, JsonOptions));
            return;
        }

        var now = question.Current is { } workers ? $"{workers} workers now" : "workers now unknown";
        output.WriteLine($"role {role.Name}: {question.Jobs} jobs waiting, {now}");
        if (policy is ClassicPolicy)
        {
            // The classic policy's estimate is the classic model's: show its steps. Other policies explain themselves.
            WriteArithmetic(role, question, estimate, output);
        }

        var window = (int)Math.Floor(role.History / config.PollInterval);
        output.WriteLine(Invariant($"  history:   the last {window} estimates (history {role.History:0.##} s / ")
            + Invariant($"pollinterval {config.PollInterval:0.##} s) hold scale-downs; given: ")
            + (question.History.Count == 0 ? "none" : string.Join(", ", question.History)));
        output.WriteLine($"  policy:    {policy.Name}: {decision.Explanation}");
        output.WriteLine($"  decision:  {Describe(decision, question.Current)} ({decision.Reason})");
    }

    private static void WriteArithmetic(
        RoleOptions role,
        DecisionQuestion question,
        WorkerEstimate estimate,
        TextWriter output)
    {
        if (role.Target is { } explicitTarget)
        {
            output.WriteLine(Invariant($"  target:    {explicitTarget:0.##} s, as the role's 'target' sets it"));
        }
        else
        {
            var z = NormalDistribution.Quantile(role.Percentile / 100);
            output.WriteLine(Invariant($"  target:    deadline {role.Deadline:0.##} s - z({role.Percentile:0.##}%) ")
                + Invariant($"{z:0.###} x stddev {role.Stddev:0.##} s = {ClassicModel.Target(role):0.##} s"));
        }

        if (estimate.Unrealizable)
        {
            output.WriteLine(Invariant($"             not above processing {role.Processing:0.##} s: the deadline ")
                + Invariant($"cannot be met, so guv uses {estimate.Target:0.##} s and scales toward max"));
        }

        output.WriteLine(Invariant($"  waiting:   ceil({question.Jobs} jobs / concurrency {role.Concurrency}) x ")
            + Invariant($"processing {role.Processing:0.##} s = {estimate.Waiting:0.##} s of work"));
        output.WriteLine(Invariant($"  available: max(processing {role.Processing:0.##} s, target {estimate.Target:0.##} s ")
            + Invariant($"- processing) = {estimate.Available:0.##} s per worker"));
        output.WriteLine(Invariant($"  estimate:  ceil({estimate.Waiting:0.##} s / {estimate.Available:0.##} s) = ")
            + Invariant($"{estimate.Raw}, within min {role.Minimum} and max {role.Maximum}: {estimate.Workers} workers"));
    }

    private static string Describe(ScalingDecision decision, int? current) => decision.Next switch
    {
        null => $"stay at {current} workers",
        { } next when current is null => $"set {next} workers",
        { } next => $"scale from {current} to {next} workers",
    };

    private static List<int> ParseHistory(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var estimates = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var estimate))
            {
                throw new UserError(
                    $"--history: '{part}' is not a whole number of workers; give earlier estimates like 4,6,5");
            }

            estimates.Add(estimate);
        }

        return estimates;
    }
}
