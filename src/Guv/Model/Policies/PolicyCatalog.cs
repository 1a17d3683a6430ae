namespace Guv.Model.Policies;

/// <summary>The policies a role can name in its <c>policy</c> key.</summary>
public static class PolicyCatalog
{
    private static readonly Dictionary<string, IScalingPolicy> Policies = new(StringComparer.Ordinal)
    {
        [ClassicPolicy.Instance.Name] = ClassicPolicy.Instance,
        [HpaPolicy.Instance.Name] = HpaPolicy.Instance,
        [NextPolicy.Instance.Name] = NextPolicy.Instance,
    };

    /// <summary>Every policy name.</summary>
    public static IReadOnlyCollection<string> Names => Policies.Keys;

    /// <summary>Finds a policy by name, or null.</summary>
    public static IScalingPolicy? Find(string name) => Policies.GetValueOrDefault(name);

    /// <summary>Adds a policy (tests register recording policies to prove which code paths reach them).</summary>
    internal static void Register(IScalingPolicy policy)
    {
        lock (Policies)
        {
            Policies[policy.Name] = policy;
        }
    }
}
