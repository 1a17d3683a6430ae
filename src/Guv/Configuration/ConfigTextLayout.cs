using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Guv.Configuration;

/// <summary>A written value's place in the text, as character offsets: <c>[Start, End)</c>.</summary>
/// <param name="Key">The key as written (<c>p</c> or <c>processing</c>).</param>
/// <param name="KeyStart">Offset of the key's first character.</param>
/// <param name="ValueStart">Offset of the value's first character.</param>
/// <param name="ValueEnd">Offset just past the value.</param>
/// <param name="Line">1-based line of the key.</param>
internal sealed record WrittenValue(string Key, int KeyStart, int ValueStart, int ValueEnd, int Line);

/// <summary>Where a role's settings are written, so values can be changed without touching anything else.</summary>
/// <param name="Name">The role.</param>
/// <param name="NameEnd">Offset just past the role's name.</param>
/// <param name="Flow">True for <c>{...}</c>, false for one key per line; null when the role has no mapping.</param>
/// <param name="BodyStart">Offset of the mapping's first character, or of the empty value.</param>
/// <param name="BodyEnd">Offset where the parser ends the body: just past an empty or null value.</param>
/// <param name="Values">The role's scalar values in text order.</param>
/// <param name="Alias">True when the role's body is a YAML alias, which cannot be edited in place.</param>
internal sealed record WrittenRole(
    string Name,
    int NameEnd,
    bool? Flow,
    int BodyStart,
    int BodyEnd,
    IReadOnlyList<WrittenValue> Values,
    bool Alias);

/// <summary>Reads where each role and value is written, from the YAML parser's events and their offsets.</summary>
internal static class ConfigTextLayout
{
    /// <exception cref="YamlException">The text is not YAML, or not a mapping of roles.</exception>
    public static IReadOnlyList<WrittenRole> Read(string text)
    {
        var parser = new SafeYamlParser(text);
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return [];
        }

        parser.Consume<DocumentStart>();
        if (parser.TryConsume<Scalar>(out var empty) && empty.Value.Length == 0)
        {
            return [];
        }

        parser.Consume<MappingStart>();
        var roles = new List<WrittenRole>();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var name = parser.Consume<Scalar>();
            roles.Add(ReadRole(parser, name));
        }

        return roles;
    }

    private static WrittenRole ReadRole(SafeYamlParser parser, Scalar name)
    {
        var nameEnd = (int)name.End.Index;
        switch (parser.Current)
        {
            case MappingStart start:
                parser.MoveNext();
                var values = new List<WrittenValue>();
                while (!parser.Accept<MappingEnd>(out _))
                {
                    var key = parser.Consume<Scalar>();
                    if (parser.TryConsume<Scalar>(out var value))
                    {
                        values.Add(new(key.Value, (int)key.Start.Index, (int)value.Start.Index, (int)value.End.Index,
                            (int)key.Start.Line));
                    }
                    else
                    {
                        parser.SkipThisAndNestedEvents();
                    }
                }

                var end = parser.Consume<MappingEnd>();
                return new(name.Value, nameEnd, start.Style == MappingStyle.Flow, (int)start.Start.Index,
                    (int)end.End.Index, values, Alias: false);
            case Scalar scalar:
                parser.MoveNext();
                return new(name.Value, nameEnd, null, (int)scalar.Start.Index, (int)scalar.End.Index, [], Alias: false);
            case AnchorAlias alias:
                parser.MoveNext();
                return new(name.Value, nameEnd, null, (int)alias.Start.Index, (int)alias.End.Index, [], Alias: true);
            default:
                var other = parser.Current!;
                parser.SkipThisAndNestedEvents();
                return new(name.Value, nameEnd, null, (int)other.Start.Index, (int)other.End.Index, [], Alias: true);
        }
    }
}
