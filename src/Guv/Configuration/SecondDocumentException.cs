using YamlDotNet.Core;

namespace Guv.Configuration;

/// <summary>The text holds a second YAML document (after a <c>---</c> line), which guv would not read.</summary>
internal sealed class SecondDocumentException(Mark start, Mark end)
    : YamlException(start, end, "a second YAML document starts here");
