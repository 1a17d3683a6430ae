using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Guv.Tests.Support.Heroku;

/// <summary>How the double answers one request, in the order Heroku checks: version, key, budget, app, body.</summary>
public sealed partial class HerokuDouble
{
    private async Task HandleAsync(HttpContext context, string body)
    {
        var request = context.Request;
        var match = FormationPath().Match(request.Path.Value ?? "");
        var app = match.Success ? Uri.UnescapeDataString(match.Groups[1].Value) : null;
        if (Delay > TimeSpan.Zero && (SlowApp is null || SlowApp == app))
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var (status, answer) = Answer(request, app, body);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        lock (_gate)
        {
            context.Response.Headers["RateLimit-Remaining"] = Math.Max(Remaining, 0).ToString(CultureInfo.InvariantCulture);
        }

        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private (HttpStatusCode, JsonNode) Answer(HttpRequest request, string? app, string body)
    {
        lock (_gate)
        {
            if (_faults.TryPeek(out var fault) && (fault.App is null || fault.App == app))
            {
                _faults.Dequeue();
                return (fault.Status, Error("internal_server_error", "Internal server error."));
            }

            if (!request.Headers.Accept.ToString().Contains("version=3", StringComparison.Ordinal))
            {
                return (HttpStatusCode.BadRequest, Error("bad_request",
                    "Please specify a version along with Heroku's API MIME type. For example, "
                    + "`Accept: application/vnd.heroku+json; version=3`."));
            }

            if (request.Headers.Authorization.ToString() != $"Bearer {Key}")
            {
                return (HttpStatusCode.Unauthorized, Error("unauthorized", "Invalid credentials provided."));
            }

            if (Remaining <= 0)
            {
                return (HttpStatusCode.TooManyRequests, Error("rate_limit",
                    "Your account reached the API rate limit\nPlease wait a few minutes before making new requests"));
            }

            Remaining--;
            if (app is null || !_apps.TryGetValue(app, out var formation))
            {
                return (HttpStatusCode.NotFound, Error("not_found", "Couldn't find that app.", ("resource", "app")));
            }

            if (ForbiddenApps.Contains(app))
            {
                return (HttpStatusCode.Forbidden, Error("forbidden", $"You do not have access to the app {app}."));
            }

            return request.Method switch
            {
                "GET" => (HttpStatusCode.OK, new JsonArray(formation.Values.Select(p => (JsonNode)p.DeepClone()).ToArray())),
                "PATCH" => Patch(formation, body),
                _ => (HttpStatusCode.MethodNotAllowed, Error("method_not_allowed", "Method not allowed.")),
            };
        }
    }

    /// <summary>A batch update: every entry is checked before any is applied, as Heroku does.</summary>
    private (HttpStatusCode, JsonNode) Patch(Dictionary<string, JsonObject> formation, string body)
    {
        JsonArray updates;
        try
        {
            updates = JsonNode.Parse(body)?["updates"] as JsonArray ?? throw new JsonException("no updates");
        }
        catch (JsonException)
        {
            return (HttpStatusCode.BadRequest, Error("bad_request", "Invalid JSON or missing 'updates'."));
        }

        var changes = new List<(JsonObject Process, int Quantity, string Size)>();
        foreach (var update in updates.OfType<JsonObject>())
        {
            var type = (string?)update["type"] ?? "";
            if (!formation.TryGetValue(type, out var process))
            {
                return (HttpStatusCode.NotFound, Error("not_found", $"Couldn't find that process type ({type}).",
                    ("resource", "formation")));
            }

            var quantity = (int?)update["quantity"] ?? (int)process["quantity"]!;
            var size = update["size"] is { } s ? CanonicalSize((string)s!) : (string)process["size"]!;
            if (Limits.TryGetValue(size, out var limit) && quantity > limit)
            {
                var error = Error("cannot_run_above_limit", $"Cannot run more than {limit} {size} size dynos.",
                    ("url", "https://devcenter.heroku.com/articles/dyno-size#default-scaling-limits"));
                error["limit"] = limit;
                error["size"] = size;
                return (HttpStatusCode.UnprocessableEntity, error);
            }

            changes.Add((process, quantity, size));
        }

        var now = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        foreach (var (process, quantity, size) in changes)
        {
            process["quantity"] = quantity;
            process["size"] = size;
            process["updated_at"] = now;
        }

        return (HttpStatusCode.OK, new JsonArray(changes.Select(c => (JsonNode)c.Process.DeepClone()).ToArray()));
    }

    private static JsonObject Error(string id, string message, params (string Key, string Value)[] extra)
    {
        var error = new JsonObject { ["id"] = id, ["message"] = message };
        foreach (var (key, value) in extra)
        {
            error[key] = value;
        }

        return error;
    }
}
