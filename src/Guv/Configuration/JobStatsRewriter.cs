using System.Globalization;
using System.Text;

namespace Guv.Configuration;

/// <summary>
/// Writes measured processing times into a config in place, like guv 0.3's <c>guv-update-jobstats</c>, but at the
/// level of the text: only the numbers change, and comments, key order, shorthands and layout stay as written.
/// As in guv 0.3, a new average without a new stddev removes the old stddev, which no longer fits the new mean.
/// </summary>
public static partial class JobStatsRewriter
{
    private static readonly string[] ProcessingKeys = ["processing", "p"];

    /// <summary>Rewrites the roles that have stats.</summary>
    /// <exception cref="YamlDotNet.Core.YamlException">The text is not a YAML mapping of roles.</exception>
    public static JobStatsUpdate Rewrite(string text, IReadOnlyDictionary<string, RoleStats> stats)
    {
        var roles = ConfigTextLayout.Read(text).Where(r => r.Name != ConfigLoader.DefaultsRole).ToList();
        var edits = new List<Edit>();
        var changes = new List<string>();
        var skipped = new List<string>();
        foreach (var role in roles)
        {
            if (!stats.TryGetValue(role.Name, out var measured) || (measured.Average, measured.Stddev) is (null, null))
            {
                continue;
            }

            if (role.Alias || (role.Flow is null && !IsEmpty(text, role)))
            {
                skipped.Add($"{role.Name}: its settings are not written as a mapping here; change them by hand");
                continue;
            }

            var change = new List<string>();
            var inserts = new List<string>();
            Plan(text, role, ProcessingKeys, "processing", measured.Average, edits, change, inserts);
            // guv 0.3 ignored a stddev of 0 ('if stats.stddev'); a new average alone drops the old stddev.
            var stddev = measured.Stddev is > 0 ? measured.Stddev : measured.Average is null ? null : 0;
            Plan(text, role, ["stddev"], "stddev", stddev, edits, change, inserts);
            if (inserts.Count > 0)
            {
                edits.Add(Insert(text, role, inserts));
            }

            changes.Add($"{role.Name}: {string.Join(", ", change)}");
        }

        var written = roles.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        var missing = stats.Keys.Where(k => !written.Contains(k)).ToList();
        return new(Apply(text, edits), changes, missing, skipped);
    }

    /// <summary>Seconds as a config shows them: at most three decimals, never "0" for a value above zero.</summary>
    public static string Format(double seconds)
    {
        var text = seconds.ToString("0.###", CultureInfo.InvariantCulture);
        return text == "0" && seconds > 0 ? seconds.ToString("G3", CultureInfo.InvariantCulture) : text;
    }

    /// <summary>
    /// Plans one key's edit: replace the written value, remove the key (a value of 0 for stddev, see the class
    /// summary), or queue an insert when the role does not write the key yet.
    /// </summary>
    private static void Plan(
        string text,
        WrittenRole role,
        string[] keys,
        string name,
        double? value,
        List<Edit> edits,
        List<string> change,
        List<string> inserts)
    {
        if (value is not { } seconds)
        {
            return;
        }

        var written = role.Values.LastOrDefault(v => keys.Contains(v.Key, StringComparer.Ordinal));
        var old = written is null ? "unset" : text[written.ValueStart..written.ValueEnd];
        if (seconds == 0)
        {
            if (written is not null)
            {
                edits.Add(Remove(text, role, written));
                change.Add($"{name} {old} -> removed (half of processing)");
            }

            return;
        }

        if (written is null)
        {
            inserts.Add($"{name}: {Format(seconds)}");
        }
        else
        {
            edits.Add(new(written.ValueStart, written.ValueEnd, Format(seconds)));
        }

        change.Add($"{name} {old} -> {Format(seconds)}");
    }

    private static string Apply(string text, List<Edit> edits)
    {
        var result = new StringBuilder(text);
        foreach (var edit in edits.OrderByDescending(e => e.Start))
        {
            result.Remove(edit.Start, edit.End - edit.Start).Insert(edit.Start, edit.Replacement);
        }

        return result.ToString();
    }

    private static bool IsEmpty(string text, WrittenRole role) =>
        text[role.BodyStart..role.BodyEnd].Trim() is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>Replaces <c>[Start, End)</c> of the text.</summary>
    private sealed record Edit(int Start, int End, string Replacement);
}
