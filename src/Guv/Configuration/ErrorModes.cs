namespace Guv.Configuration;

/// <summary>The values the <c>on_error</c> key takes.</summary>
public static class ErrorModes
{
    /// <summary>Keep the current count while the queue cannot be read (the default).</summary>
    public const string Hold = "hold";

    /// <summary>Raise the count to the role's <c>fallback</c> after <c>failures</c> failed reads; never lower it.</summary>
    public const string Fallback = "fallback";

    /// <summary>Every mode the loader accepts.</summary>
    public static readonly IReadOnlyList<string> All = [Hold, Fallback];
}
