using System.Text.Json;

namespace Guv.Queues;

/// <summary>
/// Parses the RabbitMQ management API's queue listing. Defensive by design: brokers omit fields for new queues,
/// report missing rates, and proxies answer with HTML; none of that may crash guv or read as zero load.
/// </summary>
public static class ManagementResponseParser
{
    /// <summary>The columns guv asks for, trimming the payload (the API's <c>columns</c> parameter).</summary>
    public const string Columns =
        "name,messages,messages_ready,messages_unacknowledged,consumers,"
        + "message_stats.publish_details.rate,message_stats.ack_details.rate";

    /// <summary>One page of a listing.</summary>
    /// <param name="Queues">Readings by queue name.</param>
    /// <param name="PageCount">Pages in the whole listing (1 when not paged).</param>
    public sealed record Page(IReadOnlyDictionary<string, QueueReading> Queues, int PageCount);

    /// <summary>Parses a listing, either a plain array or a paged object with <c>items</c>.</summary>
    /// <exception cref="FormatException">The text is not a queue listing; the message says what was found.</exception>
    public static Page Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            throw new FormatException($"the answer is not JSON ({Describe(json)}): {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            var pageCount = 1;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items))
            {
                pageCount = Whole(root, "page_count") is > 1 and var pages ? pages : 1;
                root = items;
            }

            if (root.ValueKind != JsonValueKind.Array)
            {
                throw new FormatException($"expected a list of queues, got a JSON {root.ValueKind.ToString().ToLowerInvariant()}");
            }

            var queues = new Dictionary<string, QueueReading>(StringComparer.Ordinal);
            foreach (var queue in root.EnumerateArray())
            {
                if (queue.ValueKind == JsonValueKind.Object
                    && queue.TryGetProperty("name", out var name)
                    && name.ValueKind == JsonValueKind.String)
                {
                    queues[name.GetString()!] = ReadQueue(queue);
                }
            }

            return new Page(queues, pageCount);
        }
    }

    private static QueueReading ReadQueue(JsonElement queue)
    {
        var ready = Whole(queue, "messages_ready");
        var unacked = Whole(queue, "messages_unacknowledged");
        var messages = Whole(queue, "messages") ?? (ready + unacked);
        if (messages is not { } jobs)
        {
            return QueueReading.Failed(QueueReadError.NoStatistics,
                "the broker has no message counts for this queue yet (a new queue gets them at its first sample)");
        }

        var stats = queue.TryGetProperty("message_stats", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
        return QueueReading.Ok(new QueueStats(
            jobs,
            ready,
            unacked,
            Whole(queue, "consumers"),
            Rate(stats, "publish_details"),
            Rate(stats, "ack_details")));
    }

    /// <summary>A non-negative whole number that fits an int, or null for anything else.</summary>
    private static int? Whole(JsonElement parent, string property) =>
        parent.ValueKind == JsonValueKind.Object
        && parent.TryGetProperty(property, out var value)
        && value.ValueKind == JsonValueKind.Number
        && value.TryGetInt64(out var number)
        && number is >= 0 and <= int.MaxValue
            ? (int)number
            : null;

    /// <summary>A rate that is a finite, non-negative number; absurd values (seen on slow publishes) are unknown.</summary>
    private static double? Rate(JsonElement stats, string details)
    {
        const double absurd = 1e7;
        return stats.ValueKind == JsonValueKind.Object
            && stats.TryGetProperty(details, out var d)
            && d.ValueKind == JsonValueKind.Object
            && d.TryGetProperty("rate", out var rate)
            && rate.ValueKind == JsonValueKind.Number
            && rate.TryGetDouble(out var value)
            && double.IsFinite(value) && value is >= 0 and < absurd
                ? value
                : null;
    }

    private static string Describe(string text)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
        {
            return "empty";
        }

        return trimmed.StartsWith('<') ? "it looks like an HTML page" : $"starts with '{trimmed[..Math.Min(20, trimmed.Length)]}'";
    }
}
