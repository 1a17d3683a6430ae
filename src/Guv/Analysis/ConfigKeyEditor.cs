using System.Text.RegularExpressions;

namespace Guv.Analysis;

/// <summary>
/// Sets one key of one role in config text, changing only that line so comments and layout stay as they were.
/// Handles a role written as a flow mapping on one line (<c>worker: {processing: 10}</c>) and as a block.
/// </summary>
public static partial class ConfigKeyEditor
{
    /// <summary>The text with <paramref name="key"/> of <paramref name="role"/> set to <paramref name="value"/>.</summary>
    /// <exception cref="FormatException">The role is not in the text, or is written in a way this cannot edit.</exception>
    public static string Set(string text, string role, string key, string value)
    {
        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = text.Split(newline).ToList();
        var header = lines.FindIndex(l => RoleLine().Match(l) is { Success: true } m && m.Groups["name"].Value == role);
        if (header < 0)
        {
            throw new FormatException($"the role '{role}' is not a top-level key of the config");
        }

        var rest = RoleLine().Match(lines[header]).Groups["rest"].Value;
        if (rest.TrimStart().StartsWith('{'))
        {
            lines[header] = SetInFlow(lines[header], key, value);
            return string.Join(newline, lines);
        }

        if (rest.Trim().Length > 0 && !rest.TrimStart().StartsWith('#'))
        {
            throw new FormatException($"the role '{role}' is not written as a mapping; set '{key}' by hand");
        }

        var end = header + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || char.IsWhiteSpace(lines[end][0])))
        {
            end++;
        }

        var keyPattern = new Regex($@"^(?<indent>\s+){Regex.Escape(key)}\s*:.*$");
        for (var i = header + 1; i < end; i++)
        {
            if (keyPattern.Match(lines[i]) is { Success: true } found)
            {
                lines[i] = $"{found.Groups["indent"].Value}{key}: {value}";
                return string.Join(newline, lines);
            }
        }

        var indent = lines.Skip(header + 1).Take(end - header - 1).FirstOrDefault(l => l.Trim().Length > 0) is { } child
            ? child[..(child.Length - child.TrimStart().Length)]
            : "  ";
        lines.Insert(header + 1, $"{indent}{key}: {value}");
        return string.Join(newline, lines);
    }

    private static string SetInFlow(string line, string key, string value)
    {
        var close = line.LastIndexOf('}');
        var open = line.IndexOf('{', StringComparison.Ordinal);
        if (close < open)
        {
            throw new FormatException("the role's mapping spans several lines; set the key by hand");
        }

        var inside = line[(open + 1)..close];
        var existing = new Regex($@"(?<=^\s*|,\s*){Regex.Escape(key)}\s*:\s*[^,}}]*");
        var body = existing.IsMatch(inside)
            ? existing.Replace(inside, $"{key}: {value}", 1)
            : inside.Trim().Length == 0 ? $"{key}: {value}" : $"{inside.TrimEnd()}, {key}: {value}";
        return line[..(open + 1)] + body + line[close..];
    }

    [GeneratedRegex(@"^(?<quote>['""]?)(?<name>[^'""\s:#][^'"":]*?)\k<quote>\s*:(?<rest>.*)$")]
    private static partial Regex RoleLine();
}
