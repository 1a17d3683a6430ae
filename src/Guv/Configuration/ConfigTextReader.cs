using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Guv.Configuration;

/// <summary>
/// Reads YAML (and so JSON) into <see cref="ConfigNode"/>s with their places. It walks the parser's events
/// itself instead of using a representation model so that duplicate keys survive to be reported.
/// </summary>
internal static class ConfigTextReader
{
    /// <summary>Parses the first document; null when the text holds no document (only comments).</summary>
    /// <exception cref="YamlException">The text is not YAML, or holds more than one document.</exception>
    public static ConfigNode? Read(string text)
    {
        var parser = new SafeYamlParser(text);
        var anchors = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        if (parser.TryConsume<StreamEnd>(out _))
        {
            return null;
        }

        parser.Consume<DocumentStart>();
        var root = ReadNode(parser, anchors, depth: 0);
        parser.Consume<DocumentEnd>();
        if (parser.Current is DocumentStart second)
        {
            // guv 0.3 read one document; roles after a second '---' would be silently ignored.
            throw new SecondDocumentException(second.Start, second.End);
        }

        return root;
    }

    /// <summary>Deeper than any config needs; a limit keeps hostile input from exhausting the stack.</summary>
    private const int MaxDepth = 64;

    private static ConfigNode ReadNode(IParser parser, Dictionary<string, ConfigNode> anchors, int depth)
    {
        var start = parser.Current ?? throw new YamlException("unexpected end of the text");
        if (depth > MaxDepth)
        {
            throw new YamlException(start.Start, start.End, $"the text nests deeper than {MaxDepth} levels");
        }

        var line = (int)start.Start.Line;
        var column = (int)start.Start.Column;
        ConfigNode node;
        switch (start)
        {
            case AnchorAlias alias:
                parser.MoveNext();
                return anchors.TryGetValue(alias.Value.Value, out var target)
                    ? target
                    : throw new YamlException(start.Start, start.End, $"the alias *{alias.Value} names no anchor");
            case Scalar scalar:
                parser.MoveNext();
                node = new ConfigScalar(line, column, scalar.Value, scalar.Style == ScalarStyle.Plain);
                Remember(anchors, scalar.Anchor, node);
                return node;
            case SequenceStart sequenceStart:
                parser.MoveNext();
                var items = new List<ConfigNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, anchors, depth + 1));
                }

                node = new ConfigSequence(line, column, items);
                Remember(anchors, sequenceStart.Anchor, node);
                return node;
            case MappingStart mappingStart:
                parser.MoveNext();
                var entries = new List<KeyValuePair<ConfigScalar, ConfigNode>>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var keyNode = ReadNode(parser, anchors, depth + 1);
                    var key = keyNode as ConfigScalar
                        ?? new ConfigScalar(keyNode.Line, keyNode.Column, null, Plain: false);
                    entries.Add(new(key, ReadNode(parser, anchors, depth + 1)));
                }

                node = new ConfigMapping(line, column, entries);
                Remember(anchors, mappingStart.Anchor, node);
                return node;
            default:
                throw new YamlException(start.Start, start.End, $"unexpected {start.GetType().Name}");
        }
    }

    private static void Remember(Dictionary<string, ConfigNode> anchors, AnchorName anchor, ConfigNode node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }
    }
}
