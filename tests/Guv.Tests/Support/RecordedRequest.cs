namespace Guv.Tests.Support;

/// <summary>A request a double received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? Accept, string? ContentType)
{
    /// <summary>Every header, by name, case-insensitive.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>The body as sent, for bodies that are not text (OTLP's protobuf).</summary>
    public byte[] RawBody { get; init; } = [];
}
