using System.Net.Http.Headers;
using System.Net.Http.Json;
using Guv.Configuration;
using Guv.Governor;

namespace Guv.Integrations;

/// <summary>
/// Posts a statuspage.io metric point per tick for each role with a <c>metric</c> key: the role's jobs in queue,
/// to the page in its <c>statuspage</c> key (https://developer.statuspage.io/#operation/postPagesPageIdMetricsMetricIdData).
/// </summary>
/// <param name="baseUrl">The API's base URL, <c>https://api.statuspage.io/</c>.</param>
/// <param name="token">The API token; sent in a header, never logged.</param>
public sealed class StatuspageSink(Uri baseUrl, string token) : ITickSink
{
    /// <summary>The public API.</summary>
    public static readonly Uri DefaultBaseUrl = new("https://api.statuspage.io/");

    /// <inheritdoc />
    public string Name => "statuspage.io";

    /// <inheritdoc />
    public async Task SendAsync(TickReport tick, GuvConfig config, HttpClient http, CancellationToken cancellationToken)
    {
        foreach (var r in tick.Roles)
        {
            if (config.Find(r.Role) is not { Metric: { Length: > 0 } metric, StatusPage: { Length: > 0 } page }
                || r.Stats is not { } stats)
            {
                continue;
            }

            var url = new Uri(baseUrl,
                $"v1/pages/{Uri.EscapeDataString(page)}/metrics/{Uri.EscapeDataString(metric)}/data");
            var body = new { data = new { timestamp = tick.At.ToUnixTimeSeconds(), value = stats.Jobs } };
            using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body) };
            request.Headers.Authorization = new AuthenticationHeaderValue("OAuth", token);
            using var response = await http.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new HttpRequestException(
                    $"the API answered {(int)response.StatusCode} {response.StatusCode} for role '{r.Role}'"
                    + (response.StatusCode == System.Net.HttpStatusCode.Unauthorized ? " (check STATUSPAGE_API_TOKEN)" : ""));
            }
        }
    }
}
