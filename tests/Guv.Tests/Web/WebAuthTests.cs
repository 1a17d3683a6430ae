using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guv.History;
using Guv.Tests.TestDoubles;
using Guv.Web;

namespace Guv.Tests.Web;

/// <summary>
/// The endpoints' guard (issue #6): no token needed on loopback, none allowed to be missing elsewhere, and with a token
/// every endpoint but /healthz answers 401 without it. Servers here bind 127.0.0.2, a loopback address other than the
/// default, so no traffic leaves the machine.
/// </summary>
public sealed class WebAuthTests
{
    private const string Token = "test-token-0123456789abcdef";
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:guest@127.0.0.1/'}
        resize: {}
        """;

    [Theory]
    [InlineData("127.0.0.1:8080")]
    [InlineData("127.0.0.2:8080")]
    [InlineData("[::1]:8080")]
    public void For_LoopbackWithoutToken_NeedsNone(string listen)
    {
        Assert.Null(WebAuth.For(ListenAddress.Parse(listen)!, null));
    }

    [Theory]
    [InlineData("0.0.0.0:8080")]
    [InlineData("[::]:8080")]
    [InlineData("192.0.2.10:8080")]
    public void For_AnyOtherAddressWithoutToken_Refuses(string listen)
    {
        var error = Assert.Throws<FormatException>(() => WebAuth.For(ListenAddress.Parse(listen)!, ""));

        Assert.Contains("--auth-token", error.Message, StringComparison.Ordinal);
        Assert.Contains("GUV_AUTH_TOKEN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void For_ShortToken_Refuses()
    {
        var error = Assert.Throws<FormatException>(() => WebAuth.For(ListenAddress.Parse("0.0.0.0:8080")!, "secret"));

        Assert.Contains("at least 16", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("metrics")]
    [InlineData("dashboard.js")]
    [InlineData("api/state")]
    [InlineData("api/history")]
    [InlineData("no-such-page")]
    public async Task Endpoint_WithAToken_AnswersOnlyWithIt(string path)
    {
        await using var web = await StartAsync(Token);
        using var http = new HttpClient { BaseAddress = web.Address };

        using var none = await http.GetAsync(path);
        using var wrong = await SendAsync(http, path, new AuthenticationHeaderValue("Bearer", Token + "x"));
        using var bearer = await SendAsync(http, path, new AuthenticationHeaderValue("Bearer", Token));
        using var basic = await SendAsync(http, path, new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes("anyone:" + Token))));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, bearer.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, basic.StatusCode);
        Assert.Contains("Bearer", none.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Healthz_WithAToken_StillAnswersWithoutIt()
    {
        await using var web = await StartAsync(Token);
        using var http = new HttpClient { BaseAddress = web.Address };

        using var health = await http.GetAsync("healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode); // no tick yet, but not 401
        Assert.StartsWith("unhealthy: no tick yet", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("POST", "api/state")]
    [InlineData("PUT", "api/history")]
    [InlineData("DELETE", "metrics")]
    [InlineData("POST", "healthz")]
    public async Task Endpoint_AnyMethodButGet_IsRefused(string method, string path)
    {
        await using var web = await StartAsync(null);
        using var http = new HttpClient { BaseAddress = web.Address };

        using var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, string path, AuthenticationHeaderValue auth)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = auth;
        return await http.SendAsync(request);
    }

    private static Task<GuvWebServer> StartAsync(string? token)
    {
        var rig = new GovernorRig(Config);
        var listen = new ListenAddress(IPAddress.Parse("127.0.0.2"), 0);
        return GuvWebServer.StartAsync(listen,
            new WebSources(rig.Governor, new MemoryHistoryStore(), new GuvMetrics(), rig.Time, DryRun: false),
            CancellationToken.None, WebAuth.For(listen, token));
    }
}
