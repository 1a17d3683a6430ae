using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Guv.Platforms.Heroku;

/// <summary>
/// Reads and writes the Platform API's formation bodies (Heroku Platform API reference, "Formation"): a list of
/// process types with <c>type</c>, <c>quantity</c> and <c>size</c>; batch updates as <c>{"updates": [...]}</c>; and
/// errors as <c>{"id", "message", "url"}</c>, which for <c>cannot_run_above_limit</c> also carry <c>limit</c> and
/// <c>size</c>.
/// </summary>
internal static class HerokuJson
{
    /// <summary>The process types of a formation list, by type.</summary>
    /// <exception cref="FormatException">The body is not a formation list.</exception>
    public static Dictionary<string, HerokuProcess> ParseFormation(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException("expected a list of process types");
            }

            var processes = new Dictionary<string, HerokuProcess>(StringComparer.Ordinal);
            foreach (var item in document.RootElement.EnumerateArray())
            {
                if (item.ValueKind != JsonValueKind.Object
                    || !item.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                    || !item.TryGetProperty("quantity", out var quantity) || !quantity.TryGetInt32(out var count))
                {
                    throw new FormatException("a process type lacks 'type' or 'quantity'");
                }

                var size = item.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                processes[type.GetString()!] = new HerokuProcess(type.GetString()!, count, size);
            }

            return processes;
        }
        catch (JsonException e)
        {
            throw new FormatException($"not JSON: {e.Message}", e);
        }
    }

    /// <summary>The error in an error body; fields that are missing or not JSON come back null.</summary>
    public static HerokuError ParseError(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return new HerokuError(null, null, null, null);
            }

            return new HerokuError(Text(root, "id"), Text(root, "message"),
                root.TryGetProperty("limit", out var limit) && limit.TryGetInt32(out var l) ? l : null,
                Text(root, "size"));
        }
        catch (JsonException)
        {
            return new HerokuError(null, null, null, null);
        }
    }

    /// <summary>The body of a batch update: <c>{"updates": [{"type", "quantity", "size"?}, ...]}</c>.</summary>
    public static string BatchBody(IEnumerable<HerokuUpdate> updates)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("updates");
            foreach (var update in updates)
            {
                writer.WriteStartObject();
                writer.WriteString("type", update.Type);
                writer.WriteNumber("quantity", update.Quantity);
                if (update.Size is { } size)
                {
                    writer.WriteString("size", size);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static string? Text(JsonElement root, string name) =>
        !root.TryGetProperty(name, out var value) ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : value.ValueKind == JsonValueKind.Number ? value.GetRawText()
        : null;
}
