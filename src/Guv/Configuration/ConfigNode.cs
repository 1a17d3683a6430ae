namespace Guv.Configuration;

/// <summary>A node of a parsed config text with its place, kept so every message can name line and column.</summary>
public abstract record ConfigNode(int Line, int Column);

/// <summary>A scalar; <see cref="Plain"/> is false for quoted text, which is never read as a number.</summary>
public sealed record ConfigScalar(int Line, int Column, string? Value, bool Plain) : ConfigNode(Line, Column)
{
    /// <summary>True for an empty value, <c>~</c> or <c>null</c> written plainly.</summary>
    public bool IsNull => Plain && (Value is null or "" or "~" or "null" or "Null" or "NULL");
}

/// <summary>A mapping in text order; duplicate keys are kept so they can be reported.</summary>
public sealed record ConfigMapping(int Line, int Column, IReadOnlyList<KeyValuePair<ConfigScalar, ConfigNode>> Entries)
    : ConfigNode(Line, Column);

/// <summary>A sequence.</summary>
public sealed record ConfigSequence(int Line, int Column, IReadOnlyList<ConfigNode> Items) : ConfigNode(Line, Column);
