using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Kubernetes;

/// <summary>The Kubernetes platform's log events (event ids 3200-3299).</summary>
public sealed partial class KubernetesPlatform
{
    [LoggerMessage(EventId = 3201, Level = LogLevel.Debug,
        Message = "{Role}: {Target} changed while guv scaled it (409 Conflict); sending the request once more")]
    private static partial void LogConflict(ILogger log, string role, KubernetesTarget target);
}
