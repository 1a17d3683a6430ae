using CsCheck;
using Guv.Configuration;

namespace Guv.Tests.Properties;

/// <summary>
/// Random and mutated configs: the loader answers every one with a config or with clear problems, never with any
/// other exception, and in bounded time.
/// </summary>
public class ConfigLoaderPropertyTests
{
    private const string Seed = """
        # a realistic config, the starting point of the mutations
        '*':
          broker: amqp://guest:guest@127.0.0.1:5672/
          app: imgflo
          pollinterval: 10
        thumbnails: {p: 4, stddev: 2, d: 60, min: 1, max: 12, q: thumbs}
        pdf:
          processing: 30
          deadline: 300
          concurrency: 4
          platform: local
          command: ./pdf-worker --fast
          <<: &extra {boot: 45}
        render: *extra
        """;

    private static readonly Gen<char> YamlChar =
        Gen.OneOf(Gen.Char[":{}[],'\"-#&*!|>%@`?\t\n \\"], Gen.Char['a', 'z'], Gen.Char['0', '9'], Gen.Char);

    private static void LoadsCleanly(string text)
    {
        var loader = new ConfigLoader(_ => null);
        var result = loader.Check(text, "fuzz.guv.yaml");
        Assert.True((result.Config is null) == (result.Problems.Count > 0));
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
        try
        {
            loader.Load(text, "fuzz.guv.yaml");
        }
        catch (ConfigException e)
        {
            Assert.NotEmpty(e.Problems);
        }
    }

    [Fact]
    public void RandomText_OnlyConfigsOrClearProblems()
    {
        Gen.String[YamlChar, 0, 300].Sample(LoadsCleanly, iter: 3000);
    }

    [Fact]
    public void MutatedConfig_OnlyConfigsOrClearProblems()
    {
        var edit = Gen.Select(Gen.Int[0, 3], Gen.Int[0, Seed.Length], Gen.Int[0, 20], YamlChar);
        edit.Array[1, 8].Sample(edits =>
        {
            var text = Seed;
            foreach (var (kind, at, length, c) in edits)
            {
                var position = Math.Min(at, text.Length);
                text = kind switch
                {
                    0 => text.Insert(position, c.ToString()),
                    1 => text.Remove(position, Math.Min(length, text.Length - position)),
                    2 => text.Insert(position, text.Substring(position, Math.Min(length, text.Length - position))),
                    _ => position < text.Length ? text.Remove(position, 1).Insert(position, c.ToString()) : text,
                };
            }

            LoadsCleanly(text);
        }, iter: 3000);
    }

    [Fact]
    public void RandomRoles_ValuesOfAnyKind_OnlyConfigsOrClearProblems()
    {
        var key = Gen.OneOf(Pick(ConfigKeys.All.Select(k => k.Name).ToArray()), Gen.String[Gen.Char['a', 'z'], 1, 12]);
        var value = Gen.OneOf(
            Gen.Int.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture)),
            Pick("~", "null", "''", "\"10\"", "[1, 2]", "{a: 1}", "true", "-0", ".inf", ".nan", "1e999"),
            Gen.String[Gen.Char['a', 'z'], 0, 10]);
        var role = Gen.Select(Gen.String[Gen.Char['a', 'z'], 1, 8], Gen.Select(key, value).Array[0, 6]);
        role.Array[0, 6].Sample(roles =>
        {
            var text = string.Join('\n', roles.Select(r =>
                $"{r.Item1}: {{{string.Join(", ", r.Item2.Select(kv => $"{kv.Item1}: {kv.Item2}"))}}}"));
            LoadsCleanly(text.Length == 0 ? "# none" : text);
        }, iter: 3000);
    }

    [Fact]
    public void DeepNesting_IsAProblemNotACrash()
    {
        var deep = "a: " + new string('[', 100_000) + new string(']', 100_000);
        var result = new ConfigLoader(_ => null).Check(deep, "deep.guv.yaml");
        Assert.Contains(result.Problems, p => p.Message.Contains("nests deeper", StringComparison.Ordinal));
    }

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);
}
