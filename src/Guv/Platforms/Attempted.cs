namespace Guv.Platforms;

/// <summary>The end of a retried call: its final answer, or the last transient failure when it never got one.</summary>
/// <param name="Answer">The answer that ended the attempts, or null when they ran out.</param>
/// <param name="Failure">The last transient failure, when <paramref name="Answer"/> is null.</param>
/// <param name="Attempts">How many attempts were made.</param>
internal sealed record Attempted<T>(T? Answer, string? Failure, int Attempts)
    where T : class;
