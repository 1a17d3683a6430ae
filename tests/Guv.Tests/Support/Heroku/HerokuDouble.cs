using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;

namespace Guv.Tests.Support.Heroku;

/// <summary>
/// A loopback double of the Heroku Platform API's formation resource, faithful to what guv relies on: GET and batch
/// PATCH of <c>/apps/{app}/formation</c> with state per app (quantities and sizes), the v3 Accept header, Bearer keys
/// (401), apps a key may not touch (403), unknown apps and process types (404), per-size limits per process type
/// answered with 422 <c>cannot_run_above_limit</c>, a request budget with <c>RateLimit-Remaining</c> and 429, and slow
/// or failing answers on demand.
/// </summary>
public sealed partial class HerokuDouble : IAsyncDisposable
{
    /// <summary>The API key the double accepts.</summary>
    public const string Key = "double-key-0123456789";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, JsonObject>> _apps = new(StringComparer.Ordinal);
    private readonly Queue<(HttpStatusCode Status, string? App)> _faults = new();
    private LoopbackServer _server = null!;

    private HerokuDouble()
    {
    }

    /// <summary>The API's base address, for <c>heroku_api</c>.</summary>
    public string Url => _server.Url.ToString().TrimEnd('/');

    /// <summary>Most dynos one process type may run per size (lower-case size name); Heroku's defaults.</summary>
    public Dictionary<string, int> Limits { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["eco"] = 1, ["basic"] = 1, ["performance-m"] = 10, ["performance-l"] = 10, ["standard-1x"] = 100, ["standard-2x"] = 100,
    };

    /// <summary>Requests left in the account's budget; at 0 every request is answered 429. Default 4500.</summary>
    public int Remaining { get; set; } = 4500;

    /// <summary>Apps the key exists for but may not touch (403).</summary>
    public HashSet<string> ForbiddenApps { get; } = new(StringComparer.Ordinal);

    /// <summary>How long each answer takes. Default none.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The app whose answers <see cref="Delay"/> slows, or null for all.</summary>
    public string? SlowApp { get; set; }

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => _server.Requests;

    /// <summary>Starts the double on a free loopback port.</summary>
    public static async Task<HerokuDouble> StartAsync()
    {
        var double_ = new HerokuDouble();
        double_._server = await LoopbackServer.StartAsync(double_.HandleAsync);
        return double_;
    }

    /// <summary>Adds an app with process types, each given as <c>(type, quantity, size)</c>.</summary>
    public void AddApp(string app, params (string Type, int Quantity, string Size)[] processes)
    {
        lock (_gate)
        {
            var appId = Guid.NewGuid().ToString();
            _apps[app] = processes.ToDictionary(p => p.Type, p => new JsonObject
            {
                ["app"] = new JsonObject { ["id"] = appId, ["name"] = app },
                ["command"] = $"bin/{p.Type}",
                ["created_at"] = "2015-06-01T12:00:00Z",
                ["id"] = Guid.NewGuid().ToString(),
                ["quantity"] = p.Quantity,
                ["size"] = CanonicalSize(p.Size),
                ["type"] = p.Type,
                ["updated_at"] = "2015-06-01T12:00:00Z",
            }, StringComparer.Ordinal);
        }
    }

    /// <summary>The dynos a process type of an app runs now.</summary>
    public int Quantity(string app, string type)
    {
        lock (_gate)
        {
            return (int)_apps[app][type]["quantity"]!;
        }
    }

    /// <summary>The dyno size of a process type, as Heroku names it.</summary>
    public string Size(string app, string type)
    {
        lock (_gate)
        {
            return (string)_apps[app][type]["size"]!;
        }
    }

    /// <summary>Scales by hand, as someone using the dashboard would.</summary>
    public void SetQuantity(string app, string type, int quantity)
    {
        lock (_gate)
        {
            _apps[app][type]["quantity"] = quantity;
        }
    }

    /// <summary>Removes a process type, as a deploy whose Procfile no longer has it would.</summary>
    public void RemoveProcessType(string app, string type)
    {
        lock (_gate)
        {
            _apps[app].Remove(type);
        }
    }

    /// <summary>Answers the next <paramref name="count"/> requests (for <paramref name="app"/> only, when given) with a status.</summary>
    public void FailNext(HttpStatusCode status, int count = 1, string? app = null)
    {
        lock (_gate)
        {
            for (var i = 0; i < count; i++)
            {
                _faults.Enqueue((status, app));
            }
        }
    }

    /// <summary>The PATCH requests sent for an app.</summary>
    public IReadOnlyList<RecordedRequest> Patches(string app) =>
        Requests.Where(r => r.Method == "PATCH" && r.Path == $"/apps/{app}/formation").ToList();

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Heroku writes sizes as <c>Standard-1X</c>, <c>Performance-L</c>, <c>Eco</c>.</summary>
    private static string CanonicalSize(string size) => string.Join('-', size.Split('-').Select(part =>
        part.Length <= 2 ? part.ToUpperInvariant() : char.ToUpperInvariant(part[0]) + part[1..].ToLowerInvariant()));

    [GeneratedRegex("^/apps/([^/]+)/formation$")]
    private static partial Regex FormationPath();
}
