using Guv.Model.Policies;

namespace Guv.Tests.Simulation;

/// <summary>A policy a test scripts, registered under a unique name; it records every input it is given.</summary>
internal sealed class ScriptedPolicy : IScalingPolicy
{
    private readonly Func<PolicyInput, int?> _next;

    private ScriptedPolicy(Func<PolicyInput, int?> next)
    {
        _next = next;
        Name = "scripted-" + Guid.NewGuid().ToString("N");
    }

    public string Name { get; }

    public List<PolicyInput> Inputs { get; } = [];

    public static ScriptedPolicy Register(Func<PolicyInput, int?> next)
    {
        var policy = new ScriptedPolicy(next);
        PolicyCatalog.Register(policy);
        return policy;
    }

    public ScalingDecision Decide(PolicyInput input)
    {
        lock (Inputs)
        {
            Inputs.Add(input);
        }

        var next = _next(input);
        return new ScalingDecision(next ?? input.Observation.CurrentWorkers ?? 0, next, DecisionReason.Unchanged, "scripted");
    }
}
