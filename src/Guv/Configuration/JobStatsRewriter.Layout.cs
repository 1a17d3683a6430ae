namespace Guv.Configuration;

/// <summary>How an entry is added to or removed from a role as it is written: in braces, one per line, or empty.</summary>
public static partial class JobStatsRewriter
{
    private static Edit Insert(string text, WrittenRole role, List<string> entries)
    {
        var joined = string.Join(", ", entries);
        switch (role.Flow)
        {
            case true when role.Values.Count > 0:
                return new(role.Values[^1].ValueEnd, role.Values[^1].ValueEnd, ", " + joined);
            case true:
                // Just before the closing brace of '{}', the first one after the opening brace.
                var close = text.IndexOf('}', role.BodyStart);
                return new(close, close, joined);
            case false:
                // A new line after the last value's line, indented like the role's first key.
                var first = role.Values[0];
                var indent = new string(' ', first.KeyStart - LineStart(text, first.KeyStart));
                var after = LineEnd(text, LastCharacter(role.Values[^1]));
                var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
                var lines = string.Concat(entries.Select(e => indent + e + newline));
                return after < text.Length || text.EndsWith('\n')
                    ? new(after, after, lines)
                    : new(text.Length, text.Length, newline + lines[..^newline.Length]);
            default:
                // 'role:' or 'role: ~': the role gets its first values in braces.
                var colon = text.IndexOf(':', role.NameEnd);
                var written = text[role.BodyStart..role.BodyEnd].Trim();
                return written.Length > 0
                    ? new(role.BodyStart, role.BodyEnd, "{" + joined + "}")
                    : new(colon + 1, colon + 1, " {" + joined + "}");
        }
    }

    private static Edit Remove(string text, WrittenRole role, WrittenValue value)
    {
        if (role.Flow == false)
        {
            return new(LineStart(text, value.KeyStart), LineEnd(text, LastCharacter(value)), "");
        }

        // In braces, take the comma on one side along, so '{p: 3, stddev: 1}' becomes '{p: 3}'.
        var before = value.KeyStart;
        while (before > 0 && char.IsWhiteSpace(text[before - 1]))
        {
            before--;
        }

        if (before > 0 && text[before - 1] == ',')
        {
            return new(before - 1, value.ValueEnd, "");
        }

        var after = value.ValueEnd;
        while (after < text.Length && char.IsWhiteSpace(text[after]))
        {
            after++;
        }

        return after < text.Length && text[after] == ','
            ? new(value.KeyStart, SkipSpaces(text, after + 1), "")
            : new(value.KeyStart, value.ValueEnd, "");
    }

    /// <summary>
    /// The offset of a value's last character: a block scalar (<c>|</c>) ends after its newline, at the start of the
    /// next line, which belongs to what follows.
    /// </summary>
    private static int LastCharacter(WrittenValue value) => Math.Max(value.ValueStart, value.ValueEnd - 1);

    private static int LineStart(string text, int index) => text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;

    /// <summary>The offset just past the end of the line holding <paramref name="index"/>, newline included.</summary>
    private static int LineEnd(string text, int index)
    {
        var newline = text.IndexOf('\n', index);
        return newline < 0 ? text.Length : newline + 1;
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index;
    }
}
