using System.Net.Sockets;
using Guv.History;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guv.Web;

/// <summary>
/// guv's HTTP endpoints on Kestrel: the dashboard at <c>/</c>, <c>/metrics</c>, <c>/healthz</c>,
/// <c>/api/state</c> and <c>/api/history</c>. Read-only: nothing here changes what guv does.
/// </summary>
public sealed class GuvWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GuvWebServer(WebApplication app) => _app = app;

    /// <summary>The address actually bound, such as <c>http://127.0.0.1:8080</c> (useful with port 0).</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts listening.</summary>
    /// <param name="listen">Where.</param>
    /// <param name="sources">What the endpoints show.</param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="auth">The token every endpoint but <c>/healthz</c> requires; null for none (loopback only).</param>
    /// <exception cref="IOException">The address is in use or cannot be bound; the message says which.</exception>
    public static async Task<GuvWebServer> StartAsync(
        ListenAddress listen,
        WebSources sources,
        CancellationToken cancellationToken,
        WebAuth? auth = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            // Never the Development error page, whatever ASPNETCORE_ENVIRONMENT says: it would show internals.
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(listen.Address, listen.Port);
        });
        builder.Services.AddSingleton(sources);
        var app = builder.Build();
        ApiEndpoints.Map(app, sources, auth);

        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or SocketException)
        {
            await app.DisposeAsync();
            throw new IOException($"cannot listen on {listen}: {e.Message.TrimEnd('.')}; give another --listen HOST:PORT, "
                + "or --listen off", e);
        }

        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
            .FirstOrDefault();
        return new GuvWebServer(app) { Address = new Uri(bound ?? $"http://{listen}") };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(stopping.Token);
        await _app.DisposeAsync();
    }
}
