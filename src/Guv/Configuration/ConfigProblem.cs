namespace Guv.Configuration;

/// <summary>One thing wrong with a config, with where it is and how to fix it.</summary>
/// <param name="Source">File path or <c>GUV_CONFIG</c>.</param>
/// <param name="Line">1-based line, or 0 when the problem has no place in the text.</param>
/// <param name="Column">1-based column, or 0.</param>
/// <param name="Role">The role concerned, or null for the whole file.</param>
/// <param name="Key">The key concerned, or null.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Fix">What to change.</param>
public sealed record ConfigProblem(
    string Source,
    int Line,
    int Column,
    string? Role,
    string? Key,
    string Message,
    string Fix)
{
    /// <summary>Where: <c>file:line:column</c>, or just the source when the problem has no place in the text.</summary>
    public string Place => Line > 0 ? $"{Source}:{Line}:{Column}" : Source;

    /// <summary>Whom it concerns: <c>role 'r', key 'k'</c>, either part, or empty for the whole file.</summary>
    public string Subject => (Role, Key) switch
    {
        (not null, not null) => $"role '{Role}', key '{Key}'",
        (not null, null) => $"role '{Role}'",
        (null, not null) => $"key '{Key}'",
        _ => "",
    };

    /// <summary>One line: <c>file:line:col: role 'r', key 'k': message. fix</c>.</summary>
    public override string ToString() =>
        Subject.Length > 0 ? $"{Place}: {Subject}: {Message}. {Fix}" : $"{Place}: {Message}. {Fix}";
}
