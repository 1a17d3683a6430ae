namespace Guv.Tests.Support;

/// <summary>A request a double received.</summary>
public sealed record RecordedRequest(string Method, string Path, string Body, string? Authorization, string? Accept, string? ContentType);
