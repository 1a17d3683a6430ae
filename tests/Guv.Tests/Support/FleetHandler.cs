using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;

namespace Guv.Tests.Support;

/// <summary>
/// A large fleet answered in memory, for scale tests and the scale benchmark: RabbitMQ's management API
/// (<c>/api/queues/{vhost}</c>, every queue of a vhost with its jobs) and Heroku's formation API
/// (<c>/apps/{app}/formation</c>, GET and PATCH). It counts every request by kind.
/// </summary>
public sealed class FleetHandler : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, int>> _formations = new(StringComparer.Ordinal);

    /// <summary>Jobs per queue, by vhost then queue name; tests and the benchmark change them between ticks.</summary>
    public ConcurrentDictionary<string, ConcurrentDictionary<string, int>> Queues { get; } = new(StringComparer.Ordinal);

    /// <summary>Requests counted by kind: <c>GET queues</c>, <c>GET formation</c>, <c>PATCH formation</c>.</summary>
    public IReadOnlyDictionary<string, int> Requests => _requests;

    /// <summary>Forgets the request counts.</summary>
    public void ResetCounts() => _requests.Clear();

    /// <summary>Quantities per app and process type, as Heroku would hold them.</summary>
    public int Quantity(string app, string type) =>
        _formations.TryGetValue(app, out var formation) ? formation.GetValueOrDefault(type) : 0;

    /// <summary>Declares a process type of an app with its quantity.</summary>
    public void SetQuantity(string app, string type, int quantity) =>
        _formations.GetOrAdd(app, _ => new(StringComparer.Ordinal))[type] = quantity;

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var path = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (path is ["api", "queues", var vhost])
        {
            Count("GET queues");
            var queues = Queues.GetValueOrDefault(Uri.UnescapeDataString(vhost)) ?? new();
            var items = string.Join(',', queues.Select(q => $$"""{"name":"{{q.Key}}","messages":{{q.Value}},"consumers":1}"""));
            return Json($$"""{"items":[{{items}}],"page_count":1,"page":1}""");
        }

        if (path is ["apps", var app, "formation"])
        {
            var formation = _formations.GetOrAdd(app, _ => new(StringComparer.Ordinal));
            if (request.Method == HttpMethod.Patch)
            {
                Count("PATCH formation");
                using var body = JsonDocument.Parse(await request.Content!.ReadAsStringAsync(cancellationToken));
                foreach (var update in body.RootElement.GetProperty("updates").EnumerateArray())
                {
                    formation[update.GetProperty("type").GetString()!] = update.GetProperty("quantity").GetInt32();
                }
            }
            else
            {
                Count("GET formation");
            }

            var types = string.Join(',', formation.Select(f =>
                $$$"""{"type":"{{{f.Key}}}","quantity":{{{f.Value}}},"size":"standard-1X","app":{"name":"{{{app}}}"}}"""));
            return Json($"[{types}]");
        }

        return new HttpResponseMessage(HttpStatusCode.NotFound);
    }

    private void Count(string kind) => _requests.AddOrUpdate(kind, 1, (_, n) => n + 1);

    private static HttpResponseMessage Json(string body) =>
        new(HttpStatusCode.OK) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
