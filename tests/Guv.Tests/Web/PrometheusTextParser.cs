using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Guv.Tests.Web;

/// <summary>
/// A strict parser of the Prometheus text exposition format 0.0.4
/// (https://prometheus.io/docs/instrumenting/exposition_formats/#text-based-format): it rejects what Prometheus
/// would reject and a few things it merely tolerates (a sample before its TYPE, a metric's lines split in two
/// groups, a duplicate series, a histogram whose buckets do not add up).
/// </summary>
internal static partial class PrometheusTextParser
{
    private static readonly HashSet<string> Types = ["counter", "gauge", "histogram", "summary", "untyped"];

    public sealed record Sample(string Name, IReadOnlyDictionary<string, string> Labels, double Value);

    public sealed class Family(string name, string type)
    {
        public string Name { get; } = name;

        public string Type { get; } = type;

        public string? Help { get; set; }

        public List<Sample> Samples { get; } = [];
    }

    /// <exception cref="FormatException">The text breaks the format; the message names the line.</exception>
    public static IReadOnlyDictionary<string, Family> Parse(string text)
    {
        var families = new Dictionary<string, Family>(StringComparer.Ordinal);
        var series = new HashSet<string>(StringComparer.Ordinal);
        var finished = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        var lines = text.Split('\n');
        if (text.Length > 0 && !text.EndsWith('\n'))
        {
            throw new FormatException("the last line does not end with a line feed");
        }

        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var where = $"line {i + 1}: '{line}'";
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith('#'))
            {
                var meta = MetaLine().Match(line);
                if (!meta.Success)
                {
                    continue; // a plain comment
                }

                var name = meta.Groups["name"].Value;
                Enter(name, ref current, finished, where);
                if (meta.Groups["kind"].Value == "TYPE")
                {
                    var type = meta.Groups["rest"].Value;
                    if (!Types.Contains(type) || (families.TryGetValue(name, out var f) && (f.Samples.Count > 0 || f.Type != "untyped")))
                    {
                        throw new FormatException($"{where}: a bad or repeated TYPE, or TYPE after samples");
                    }

                    families[name] = new Family(name, type) { Help = families.GetValueOrDefault(name)?.Help };
                }
                else
                {
                    var family = families.TryGetValue(name, out var f) ? f : families[name] = new Family(name, "untyped");
                    if (family.Help is not null)
                    {
                        throw new FormatException($"{where}: a second HELP");
                    }

                    family.Help = Unescape(meta.Groups["rest"].Value, allowQuote: false, where);
                }

                continue;
            }

            var sample = ParseSample(line, where);
            var familyName = FamilyOf(sample.Name, families);
            Enter(familyName, ref current, finished, where);
            if (!families.TryGetValue(familyName, out var owner))
            {
                owner = families[familyName] = new Family(familyName, "untyped");
            }

            var key = sample.Name + "{" + string.Join(",", sample.Labels.OrderBy(l => l.Key, StringComparer.Ordinal)
                .Select(l => l.Key + "=" + l.Value)) + "}";
            if (!series.Add(key))
            {
                throw new FormatException($"{where}: the series {key} appears twice");
            }

            if (owner.Type == "counter" && (sample.Value < 0 || double.IsNaN(sample.Value)))
            {
                throw new FormatException($"{where}: a counter must not be negative or NaN");
            }

            owner.Samples.Add(sample);
        }

        foreach (var histogram in families.Values.Where(f => f.Type == "histogram"))
        {
            CheckHistogram(histogram);
        }

        return families;
    }

    /// <summary>The value of the one sample with this name and these labels.</summary>
    public static double Value(
        IReadOnlyDictionary<string, Family> families,
        string name,
        params (string Label, string Value)[] labels) =>
        families.Values.SelectMany(f => f.Samples)
            .Single(s => s.Name == name && labels.All(l => s.Labels.GetValueOrDefault(l.Label) == l.Value)
                && s.Labels.Count == labels.Length)
            .Value;

    private static void Enter(string family, ref string? current, HashSet<string> finished, string where)
    {
        if (family == current)
        {
            return;
        }

        if (finished.Contains(family))
        {
            throw new FormatException($"{where}: the lines of {family} are not all in one group");
        }

        if (current is not null)
        {
            finished.Add(current);
        }

        current = family;
    }

    private static string FamilyOf(string sample, Dictionary<string, Family> families)
    {
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (sample.EndsWith(suffix, StringComparison.Ordinal)
                && families.TryGetValue(sample[..^suffix.Length], out var f) && f.Type is "histogram" or "summary")
            {
                return f.Name;
            }
        }

        return sample;
    }

    private static Sample ParseSample(string line, string where)
    {
        var match = SampleLine().Match(line);
        if (!match.Success)
        {
            throw new FormatException($"{where}: not a sample line");
        }

        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var body = match.Groups["labels"].Value;
        var position = 0;
        while (position < body.Length)
        {
            var label = LabelPair().Match(body, position);
            if (!label.Success || label.Index != position)
            {
                throw new FormatException($"{where}: bad labels at '{body[position..]}'");
            }

            if (!labels.TryAdd(label.Groups["name"].Value, Unescape(label.Groups["value"].Value, allowQuote: true, where)))
            {
                throw new FormatException($"{where}: the label {label.Groups["name"].Value} is given twice");
            }

            position += label.Length;
        }

        return new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value, where));
    }

    private static double ParseValue(string text, string where) => text switch
    {
        "NaN" => double.NaN,
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) => v,
        _ => throw new FormatException($"{where}: '{text}' is not a number"),
    };

    private static string Unescape(string text, bool allowQuote, string where)
    {
        var result = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            if (++i >= text.Length)
            {
                throw new FormatException($"{where}: a lone backslash");
            }

            result.Append(text[i] switch
            {
                '\\' => '\\',
                'n' => '\n',
                '"' when allowQuote => '"',
                _ => throw new FormatException($"{where}: unknown escape \\{text[i]}"),
            });
        }

        return result.ToString();
    }

    private static void CheckHistogram(Family histogram)
    {
        foreach (var group in histogram.Samples.GroupBy(s => string.Join(",", s.Labels
                     .Where(l => l.Key != "le").OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"))))
        {
            var buckets = group.Where(s => s.Name == histogram.Name + "_bucket")
                .Select(s => (Le: ParseValue(s.Labels.GetValueOrDefault("le")
                    ?? throw new FormatException($"{histogram.Name}: a bucket without le"), "le"), s.Value))
                .OrderBy(b => b.Le)
                .ToList();
            var count = group.SingleOrDefault(s => s.Name == histogram.Name + "_count")
                ?? throw new FormatException($"{histogram.Name}{{{group.Key}}}: no _count");
            _ = group.SingleOrDefault(s => s.Name == histogram.Name + "_sum")
                ?? throw new FormatException($"{histogram.Name}{{{group.Key}}}: no _sum");
            if (buckets.Count == 0 || !double.IsPositiveInfinity(buckets[^1].Le))
            {
                throw new FormatException($"{histogram.Name}{{{group.Key}}}: no +Inf bucket");
            }

            for (var i = 1; i < buckets.Count; i++)
            {
                if (buckets[i].Value < buckets[i - 1].Value)
                {
                    throw new FormatException($"{histogram.Name}{{{group.Key}}}: buckets are not cumulative");
                }
            }

            if (buckets[^1].Value != count.Value)
            {
                throw new FormatException($"{histogram.Name}{{{group.Key}}}: the +Inf bucket is not the count");
            }
        }
    }

    [GeneratedRegex(@"^#\s+(?<kind>HELP|TYPE)\s+(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\s(?<rest>.*))?$")]
    private static partial Regex MetaLine();

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?<labels>[^}]*)\})?[ \t]+(?<value>\S+)(?:[ \t]+-?\d+)?[ \t]*$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)"",?")]
    private static partial Regex LabelPair();
}
