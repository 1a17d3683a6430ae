using System.Data.Common;
using Guv.History;
using Guv.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Guv.Web;

/// <summary>Maps guv's endpoints.</summary>
internal static class ApiEndpoints
{
    /// <summary>How far back <c>/api/history</c> reads when no <c>since</c> is given.</summary>
    private static readonly TimeSpan DefaultHistory = TimeSpan.FromHours(3);

    public static void Map(WebApplication app, WebSources sources, WebAuth? auth)
    {
        app.Use(async (context, next) =>
        {
            // The dashboard loads nothing from elsewhere; the policy makes the browser hold it to that.
            context.Response.Headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:";
            context.Response.Headers.XContentTypeOptions = "nosniff";
            context.Response.Headers.CacheControl = "no-store";
            if (auth is not null && !WebAuth.IsOpen(context.Request.Path) && !auth.Allows(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"guv\", Bearer";
                await context.Response.WriteAsync("unauthorized: send the token as 'Authorization: Bearer TOKEN'\n");
                return;
            }

            await next(context);
        });

        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await sources.Metrics.WriteAsync(context.Response.Body, context.RequestAborted);
        });

        app.MapGet("/healthz", () =>
        {
            var governor = sources.Governor;
            var (healthy, why) = StateBuilder.Health(governor.LastTick, governor.Config.PollInterval,
                sources.Time.GetUtcNow());
            why += StateBuilder.Leadership(sources.Lease) is { } leadership ? $"; {leadership}" : "";
            return Results.Text((healthy ? "ok: " : "unhealthy: ") + why + "\n", "text/plain",
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        });

        app.MapGet("/api/state", () => Results.Json(StateBuilder.Build(sources.Governor.LastTick,
            sources.Governor.Config, sources.DryRun, sources.Time.GetUtcNow()) with
            {
                Leadership = StateBuilder.Leadership(sources.Lease),
                Leader = sources.Lease?.Leader,
            }));

        app.MapGet("/api/history", async (string? role, string? since, CancellationToken cancellationToken) =>
        {
            var now = sources.Time.GetUtcNow();
            DateTimeOffset from = now - DefaultHistory;
            if (!string.IsNullOrEmpty(since))
            {
                if (TimeSpec.Parse(since, now) is not { } parsed)
                {
                    return Results.Text($"since '{since}' is not a time: give {TimeSpec.Help}\n", "text/plain",
                        statusCode: StatusCodes.Status400BadRequest);
                }

                from = parsed;
            }

            try
            {
                var records = await sources.History.ReadAsync(string.IsNullOrEmpty(role) ? null : role, from,
                    cancellationToken);
                return Results.Json(records);
            }
            catch (Exception e) when (e is DbException or IOException or TimeoutException)
            {
                return Results.Text($"the history in {sources.History.Description} cannot be read now: "
                    + $"{BrokerAddress.RedactText(e.Message)}\n", "text/plain",
                    statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });

        app.MapGet("/", () => Asset("index.html"));
        app.MapGet("/{file}", (string file) => Asset(file));
    }

    private static IResult Asset(string name) =>
        DashboardAssets.Read(name) is { } asset
            ? Results.Bytes(asset.Content, asset.ContentType)
            : Results.NotFound();
}
