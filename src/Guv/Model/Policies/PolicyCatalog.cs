using System.Collections.Concurrent;

namespace Guv.Model.Policies;

/// <summary>The policies a role can name in its <c>policy</c> key.</summary>
public static class PolicyCatalog
{
    private static readonly IReadOnlyDictionary<string, IScalingPolicy> BuiltIn =
        new Dictionary<string, IScalingPolicy>(StringComparer.Ordinal)
        {
            [ClassicPolicy.Instance.Name] = ClassicPolicy.Instance,
            [HpaPolicy.Instance.Name] = HpaPolicy.Instance,
            [NextPolicy.Instance.Name] = NextPolicy.Instance,
        };

    // Kept apart from the built-in ones so a test's policy never shows in Names (and so in messages users see).
    private static readonly ConcurrentDictionary<string, IScalingPolicy> Registered = new(StringComparer.Ordinal);

    /// <summary>Every built-in policy name.</summary>
    public static IReadOnlyCollection<string> Names => (IReadOnlyCollection<string>)BuiltIn.Keys;

    /// <summary>Finds a policy by name, or null.</summary>
    public static IScalingPolicy? Find(string name) =>
        BuiltIn.GetValueOrDefault(name) ?? Registered.GetValueOrDefault(name);

    /// <summary>Adds a policy (tests register recording policies to prove which code paths reach them).</summary>
    internal static void Register(IScalingPolicy policy) => Registered[policy.Name] = policy;
}
