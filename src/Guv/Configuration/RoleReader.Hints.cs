namespace Guv.Configuration;

/// <summary>Messages for the mistakes people make writing a role by hand, each with the fix spelled out.</summary>
internal sealed partial class RoleReader
{
    private static readonly char[] WordSeparators = ['_', '-', ' ', '.'];

    private void ReportUnknownKey(string role, ConfigScalar keyNode, string written)
    {
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && ConfigKeys.Find(written[..colon]) is not null)
        {
            Problem(keyNode, role, written,
                $"unknown key '{written}': YAML reads a colon without a space after it as part of the key",
                $"Write '{written[..colon]}: {written[(colon + 1)..]}' with a space after the colon.");
            return;
        }

        var equals = written.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && ConfigKeys.Find(written[..equals].Trim()) is not null)
        {
            Problem(keyNode, role, written, $"unknown key '{written}': keys are written 'key: value', not 'key=value'",
                $"Write '{written[..equals].Trim()}: {written[(equals + 1)..].Trim()}'.");
            return;
        }

        var suggestion = ConfigKeys.Suggest(written)
            ?? ConfigKeys.Find(written.Split(WordSeparators)[0].ToLowerInvariant())?.Name;
        var fix = suggestion is not null
            ? $"Did you mean '{suggestion}'?"
            : $"Known keys: {string.Join(", ", ConfigKeys.All.Select(k => k.Name))}.";
        Problem(keyNode, role, written, $"unknown key '{written}'",
            fix + " Use --allow-key to accept a key of your own.");
    }

    private void ReportNotAMapping(string role, ConfigNode body)
    {
        var text = (body as ConfigScalar)?.Value ?? "";
        var brace = role.IndexOf('{', StringComparison.Ordinal);
        if (brace >= 0)
        {
            // 'resize {p: 10}' reads as the key 'resize {p' with the value '10}'.
            var name = role[..brace].TrimEnd();
            Problem(body, role, null, $"the role name '{role}' holds a '{{': the colon after the role's name is missing",
                $"Write '{name}: {role[brace..]}: {text}'.");
        }
        else if (text.Contains(':', StringComparison.Ordinal))
        {
            Problem(body, role, null, $"the role's value '{text}' is text, not a mapping: YAML needs a space after a colon",
                $"Write '{role}: {{{Spaced(text, ':')}}}', or put each key on its own line.");
        }
        else if (text.Contains('=', StringComparison.Ordinal))
        {
            Problem(body, role, null, $"the role's value '{text}' is text: keys are written 'key: value', not 'key=value'",
                $"Write '{role}: {{{Spaced(text.Trim('{', '}', ' '), '=')}}}'.");
        }
        else if (body is ConfigSequence)
        {
            Problem(body, role, null, "a role must be a mapping of keys to values, not a list",
                $"Remove the '- ' in front of its keys, or write it as '{role}: {{processing: 10, deadline: 60}}'.");
        }
        else
        {
            Problem(body, role, null, "a role must be a mapping of keys to values",
                $"Write it as '{role}: {{processing: 10, deadline: 60}}', or leave it empty for all defaults.");
        }
    }

    /// <summary><c>p=10, d=60</c> as <c>p: 10, d: 60</c>.</summary>
    private static string Spaced(string text, char separator) =>
        string.Join(", ", text.Split(',').Select(part => part.Split(separator, 2) switch
        {
            [var key, var value] => $"{key.Trim()}: {value.Trim()}",
            _ => part.Trim(),
        }));
}
