namespace Guv.Configuration;

/// <summary>The values the <c>platform</c> key takes.</summary>
public static class PlatformNames
{
    /// <summary>Heroku dynos through the Platform API: guv 0.3's only platform and still the default.</summary>
    public const string Heroku = "heroku";

    /// <summary>A Deployment or StatefulSet through the Kubernetes scale subresource.</summary>
    public const string Kubernetes = "kubernetes";

    /// <summary>Child processes on this machine.</summary>
    public const string Local = "local";

    /// <summary>Every name the loader accepts.</summary>
    public static readonly IReadOnlyList<string> All = [Heroku, Kubernetes, Local];
}
