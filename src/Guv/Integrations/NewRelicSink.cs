using System.Net.Http.Json;
using Guv.Configuration;
using Guv.Governor;

namespace Guv.Integrations;

/// <summary>
/// Sends a New Relic custom event <c>GuvScaled</c> per role and tick in which guv decided, through the Event API
/// (https://docs.newrelic.com/docs/data-apis/ingest-apis/event-api/introduction-event-api/), as guv 0.3 did
/// through the New Relic agent: role, app, jobs, workers, fillrate, drainrate, consumers.
/// </summary>
/// <param name="endpoint">The events URL, <c>.../v1/accounts/{account}/events</c>.</param>
/// <param name="insertKey">The insert (or license) key; sent in a header, never logged.</param>
/// <param name="licenseKey">True when the key is a license key (header <c>X-License-Key</c>).</param>
public sealed class NewRelicSink(Uri endpoint, string insertKey, bool licenseKey) : ITickSink
{
    /// <inheritdoc />
    public string Name => "New Relic";

    /// <summary>The New Relic events URL of an account in the US region.</summary>
    public static Uri DefaultEndpoint(string account) =>
        new($"https://insights-collector.newrelic.com/v1/accounts/{Uri.EscapeDataString(account)}/events");

    /// <inheritdoc />
    public async Task SendAsync(TickReport tick, GuvConfig config, HttpClient http, CancellationToken cancellationToken)
    {
        var events = tick.Roles
            .Where(r => r.Decision is not null)
            .Select(r => new Dictionary<string, object?>
            {
                ["eventType"] = "GuvScaled",
                ["timestamp"] = tick.At.ToUnixTimeSeconds(),
                ["role"] = r.Role,
                ["app"] = config.Find(r.Role)?.App,
                ["jobs"] = r.Stats?.Jobs,
                ["workers"] = r.Decision!.Next ?? r.Workers,
                ["fillrate"] = r.Stats?.PublishRate,
                ["drainrate"] = r.Stats?.AckRate,
                ["consumers"] = r.Stats?.Consumers,
            }.Where(kv => kv.Value is not null).ToDictionary())
            .ToList();
        if (events.Count == 0)
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint) { Content = JsonContent.Create(events) };
        request.Headers.Add(licenseKey ? "X-License-Key" : "X-Insert-Key", insertKey);
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"the Event API answered {(int)response.StatusCode} {response.StatusCode}"
                + (response.StatusCode == System.Net.HttpStatusCode.Forbidden ? " (check NEW_RELIC_INSERT_KEY)" : ""));
        }
    }
}
