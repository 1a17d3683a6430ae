using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Guv.Tests.Support;

/// <summary>
/// A Kestrel server on 127.0.0.1 and a free port that records every request and answers it with one handler: the
/// base of the doubles.
/// </summary>
public sealed class LoopbackServer : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private WebApplication _app = null!;

    private LoopbackServer()
    {
    }

    /// <summary>The server's base address, such as <c>http://127.0.0.1:41234</c>.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_gate)
            {
                return _requests.ToList();
            }
        }
    }

    /// <summary>Starts a server that answers every request with <paramref name="handler"/>, given the request body.</summary>
    /// <param name="handler">Answers a request.</param>
    /// <param name="certificate">Serves HTTPS with this certificate; null for plain HTTP.</param>
    public static async Task<LoopbackServer> StartAsync(
        Func<HttpContext, string, Task> handler,
        System.Security.Cryptography.X509Certificates.X509Certificate2? certificate = null)
    {
        var server = new LoopbackServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        server._app = builder.Build();
        server._app.Run(async context =>
        {
            var request = context.Request;
            using var raw = new MemoryStream();
            await request.Body.CopyToAsync(raw, context.RequestAborted);
            var body = System.Text.Encoding.UTF8.GetString(raw.ToArray());
            lock (server._gate)
            {
                server._requests.Add(new RecordedRequest(request.Method, request.Path.Value ?? "", body,
                    request.Headers.Authorization.ToString(), request.Headers.Accept.ToString(), request.ContentType)
                {
                    Headers = request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                    RawBody = raw.ToArray(),
                });
            }

            await handler(context, body);
        });
        await server._app.StartAsync();
        var address = server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        server.Url = new Uri(address);
        return server;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
