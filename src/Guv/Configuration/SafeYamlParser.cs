using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Guv.Configuration;

/// <summary>
/// YamlDotNet's parser, but every failure is a <see cref="YamlException"/> with a place. On some malformed flow
/// mappings (found by the property tests: <c>{bnails: {p: 4 ...}</c>) its scanner throws InvalidOperationException,
/// which would otherwise reach the user as a crash instead of a message.
/// </summary>
internal sealed class SafeYamlParser(string text) : IParser
{
    private readonly Parser _inner = new(new StringReader(text));
    private Mark _last = Mark.Empty;

    /// <inheritdoc />
    public ParsingEvent? Current => _inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        try
        {
            var moved = _inner.MoveNext();
            _last = _inner.Current?.End ?? _last;
            return moved;
        }
        catch (Exception e) when (e is not YamlException)
        {
            throw new YamlException(_last, _last,
                "the YAML cannot be read past this point; look for an unclosed bracket, brace or quote", e);
        }
    }
}
