using System.Net;
using System.Text.Json;
using Guv.Configuration;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Guv.Platforms.Kubernetes;

/// <summary>One role's call to the scale subresource, with retries, and what to say when the API server refuses.</summary>
public sealed partial class KubernetesPlatform
{
    /// <summary>Reads a role's replicas (<paramref name="replicas"/> null) or sets them.</summary>
    private async Task<PlatformResult> CallAsync(RoleOptions role, int? replicas, CancellationToken budget)
    {
        Connected connected;
        try
        {
            connected = Connect(role);
        }
        catch (InvalidOperationException e)
        {
            return PlatformResult.Failed(e.Message);
        }

        var target = KubernetesTarget.Of(role, connected.Namespace);
        Attempted<KubernetesAnswer> attempted = null!;

        // A 409 Conflict means the object changed under the request: it is sent once more, then reported.
        for (var round = 0; round < 2; round++)
        {
            attempted = await TransientRetry.RunAsync(
                token => SendAsync(connected.Client, target, replicas, token), a => a.Transient, _retry, time, budget);
            if (attempted.Answer?.Status != HttpStatusCode.Conflict)
            {
                break;
            }

            LogConflict(log, role.Name, target);
        }

        if (attempted.Answer is not { } answer)
        {
            return PlatformResult.Failed($"no usable answer from the Kubernetes API server at {connected.Host} for "
                + $"{target}: {attempted.Failure} ({attempted.Attempts} attempts within the tick's time budget)");
        }

        return answer.Status is { } status
            ? PlatformResult.Failed(
                Refusal(role, target, connected, replicas is null ? "get" : "patch", status, answer.Message))
            : PlatformResult.Ok(answer.Replicas);
    }

    private static async Task<KubernetesAnswer> SendAsync(
        IKubernetes client,
        KubernetesTarget target,
        int? replicas,
        CancellationToken token)
    {
        try
        {
            var patch = replicas is { } r ? new V1Patch(PatchBody(r), V1Patch.PatchType.MergePatch) : null;
            var scale = (target.Kind, patch) switch
            {
                (WorkloadKinds.StatefulSet, null) =>
                    await client.AppsV1.ReadNamespacedStatefulSetScaleAsync(target.Name, target.Namespace,
                        cancellationToken: token),
                (WorkloadKinds.StatefulSet, _) =>
                    await client.AppsV1.PatchNamespacedStatefulSetScaleAsync(patch, target.Name, target.Namespace,
                        fieldManager: "guv", cancellationToken: token),
                (_, null) =>
                    await client.AppsV1.ReadNamespacedDeploymentScaleAsync(target.Name, target.Namespace,
                        cancellationToken: token),
                _ =>
                    await client.AppsV1.PatchNamespacedDeploymentScaleAsync(patch, target.Name, target.Namespace,
                        fieldManager: "guv", cancellationToken: token),
            };
            return new KubernetesAnswer(scale, null, null);
        }
        catch (HttpOperationException e)
        {
            return new KubernetesAnswer(null, e.Response.StatusCode, StatusMessage(e.Response.Content));
        }
    }

    private static string Refusal(
        RoleOptions role,
        KubernetesTarget target,
        Connected connected,
        string verb,
        HttpStatusCode status,
        string? message)
    {
        var said = message is null ? "" : $": {message}";
        return status switch
        {
            HttpStatusCode.NotFound =>
                $"no {target} (Kubernetes 404 NotFound): create it, or fix 'worker', 'kind' or 'namespace' of role "
                + $"'{role.Name}'",
            HttpStatusCode.Forbidden =>
                $"Kubernetes forbids {connected.Source} to {verb} {target.Resource}/scale in namespace '{target.Namespace}' "
                + $"(403 Forbidden{said}); grant 'get' and 'patch' on {target.Resource}/scale to guv's account, as "
                + "deploy/kubernetes/rbac.yaml does",
            HttpStatusCode.Unauthorized =>
                $"the Kubernetes API server at {connected.Host} refused the credentials of {connected.Source} "
                + "(401 Unauthorized); renew them, or fix 'kubeconfig' or 'context'",
            HttpStatusCode.Conflict =>
                $"{target} kept changing while guv scaled it (409 Conflict twice{said}); guv tries again next tick",
            _ => $"the Kubernetes API server refused to {verb} the scale of {target} ({(int)status} {status}{said})",
        };
    }

    /// <summary>The <c>message</c> of a Kubernetes Status object, or null.</summary>
    private static string? StatusMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("message", out var message)
                && message.ValueKind == JsonValueKind.String
                ? message.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
