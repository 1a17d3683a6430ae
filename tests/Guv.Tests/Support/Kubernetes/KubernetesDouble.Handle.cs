using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Guv.Tests.Support.Kubernetes;

/// <summary>How the double answers one request, in the API server's order: authentication, RBAC, object, body.</summary>
public sealed partial class KubernetesDouble
{
    private async Task HandleAsync(HttpContext context, string body)
    {
        var request = context.Request;
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay, context.RequestAborted);
        }

        var (status, answer) = Answer(request, body);
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString(), context.RequestAborted);
    }

    private (HttpStatusCode, JsonObject) Answer(HttpRequest request, string body)
    {
        var match = ScalePath().Match(request.Path.Value ?? "");
        if (!match.Success)
        {
            return Status(HttpStatusCode.NotFound, "NotFound", "the server could not find the requested resource");
        }

        var (ns, resource, name) = (match.Groups[1].Value, match.Groups[2].Value, match.Groups[3].Value);
        var verb = request.Method == "GET" ? "get" : request.Method == "PATCH" ? "patch" : request.Method.ToLowerInvariant();
        var subject = $"{resource}.apps \"{name}\"";
        lock (_gate)
        {
            if (_faults.TryDequeue(out var fault))
            {
                return fault == HttpStatusCode.Conflict
                    ? Status(fault, "Conflict", $"Operation cannot be fulfilled on {subject}: the object has been modified; "
                        + "please apply your changes to the latest version and try again", name, resource)
                    : Status(fault, "InternalError", "Internal error occurred: etcdserver: request timed out");
            }

            if (request.Headers.Authorization.ToString() != $"Bearer {Token}")
            {
                return Status(HttpStatusCode.Unauthorized, "Unauthorized", "Unauthorized");
            }

            if (_forbiddenVerbs.Contains(verb))
            {
                return Status(HttpStatusCode.Forbidden, "Forbidden",
                    $"{subject} is forbidden: User \"system:serviceaccount:{ns}:guv\" cannot {verb} resource "
                    + $"\"{resource}/scale\" in API group \"apps\" in the namespace \"{ns}\"", name, resource);
            }

            if (!_objects.TryGetValue(Key(ns, resource, name), out var state))
            {
                return Status(HttpStatusCode.NotFound, "NotFound", $"{subject} not found", name, resource);
            }

            return verb switch
            {
                "get" => (HttpStatusCode.OK, Scale(ns, name, state)),
                "patch" => Patch(request, body, ns, resource, name, state),
                _ => Status(HttpStatusCode.MethodNotAllowed, "MethodNotAllowed", "the server does not allow this method"),
            };
        }
    }

    private (HttpStatusCode, JsonObject) Patch(HttpRequest request, string body, string ns, string resource, string name, JsonObject state)
    {
        if (request.ContentType?.Split(';')[0] is not ("application/merge-patch+json" or "application/strategic-merge-patch+json"))
        {
            return Status(HttpStatusCode.UnsupportedMediaType, "UnsupportedMediaType",
                $"the body of the request was in an unknown format - accepted media types include: application/json-patch+json, "
                + "application/merge-patch+json, application/apply-patch+yaml");
        }

        int replicas;
        try
        {
            replicas = (int?)JsonNode.Parse(body)?["spec"]?["replicas"] ?? (int)state["replicas"]!;
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            return Status(HttpStatusCode.BadRequest, "BadRequest", $"error decoding patch: {e.Message}");
        }

        if (replicas < 0)
        {
            return Status(HttpStatusCode.UnprocessableEntity, "Invalid",
                $"Scale.autoscaling \"{name}\" is invalid: spec.replicas: Invalid value: {replicas}: must be greater than or "
                + "equal to 0", name, resource);
        }

        state["replicas"] = replicas;
        state["resourceVersion"] = _resourceVersion++;
        return (HttpStatusCode.OK, Scale(ns, name, state));
    }

    /// <summary>An <c>autoscaling/v1</c> Scale; like the API server it leaves out <c>spec.replicas</c> when it is 0.</summary>
    private static JsonObject Scale(string ns, string name, JsonObject state)
    {
        var replicas = (int)state["replicas"]!;
        return new JsonObject
        {
            ["kind"] = "Scale",
            ["apiVersion"] = "autoscaling/v1",
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["namespace"] = ns,
                ["uid"] = (string)state["uid"]!,
                ["resourceVersion"] = ((int)state["resourceVersion"]!).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["creationTimestamp"] = "2026-01-01T00:00:00Z",
            },
            ["spec"] = replicas == 0 ? new JsonObject() : new JsonObject { ["replicas"] = replicas },
            ["status"] = new JsonObject { ["replicas"] = replicas, ["selector"] = $"app={name}" },
        };
    }

    private static (HttpStatusCode, JsonObject) Status(
        HttpStatusCode code,
        string reason,
        string message,
        string? name = null,
        string? resource = null)
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = message,
            ["reason"] = reason,
            ["code"] = (int)code,
        };
        if (name is not null)
        {
            status["details"] = new JsonObject { ["name"] = name, ["group"] = "apps", ["kind"] = resource };
        }

        return (code, status);
    }
}
