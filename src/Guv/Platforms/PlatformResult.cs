namespace Guv.Platforms;

/// <summary>The outcome of a platform call for one role: the worker count it has now, or why it failed.</summary>
public sealed record PlatformResult(int? Workers, string? Error)
{
    /// <summary>A success with the role's count.</summary>
    public static PlatformResult Ok(int workers) => new(workers, null);

    /// <summary>A failure, with a message that names the cause and never a secret.</summary>
    public static PlatformResult Failed(string error) => new(null, error);
}
