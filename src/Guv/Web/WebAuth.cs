using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Guv.Web;

/// <summary>
/// The token that guards guv's endpoints when they are reachable from other machines (issue #6). On a loopback
/// address (127.0.0.0/8, ::1) only this machine can connect, so no token is needed; on any other address guv refuses
/// to start without one. With a token, every endpoint but <c>/healthz</c> needs it, as <c>Authorization: Bearer
/// TOKEN</c> or as the password of HTTP Basic (which lets a browser open the dashboard).
/// </summary>
public sealed class WebAuth
{
    /// <summary>The environment variable read when <c>--auth-token</c> is not given.</summary>
    public const string EnvironmentVariable = "GUV_AUTH_TOKEN";

    /// <summary>Fewest characters a token must have, so it cannot be guessed.</summary>
    public const int MinimumLength = 16;

    private readonly byte[] _token;

    private WebAuth(string token) => _token = Encoding.UTF8.GetBytes(token);

    /// <summary>The guard for <paramref name="listen"/>; null when no token is given on a loopback address.</summary>
    /// <exception cref="FormatException">The address is not loopback and no token is given, or it is too short.</exception>
    public static WebAuth? For(ListenAddress listen, string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return IPAddress.IsLoopback(listen.Address)
                ? null
                : throw new FormatException($"--listen {listen} can be reached from other machines, and the dashboard, "
                    + $"/metrics and /api would be open to them: give a token with --auth-token or env "
                    + $"{EnvironmentVariable} (then every endpoint but /healthz needs 'Authorization: Bearer TOKEN'), "
                    + $"or listen on loopback, such as --listen {ListenAddress.Default}");
        }

        return token.Length >= MinimumLength
            ? new WebAuth(token)
            : throw new FormatException($"the auth token (--auth-token or {EnvironmentVariable}) has {token.Length} "
                + $"characters; give at least {MinimumLength}, for example the output of 'openssl rand -hex 32'");
    }

    /// <summary>True for <c>/healthz</c>, which load balancers and Kubernetes probe without credentials.</summary>
    public static bool IsOpen(PathString path) => path.Equals("/healthz", StringComparison.Ordinal);

    /// <summary>True when the request carries the token, by Bearer or as the Basic password.</summary>
    public bool Allows(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        string? given = null;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            given = header["Bearer ".Length..].Trim();
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            given = BasicPassword(header["Basic ".Length..].Trim());
        }

        return given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _token);
    }

    private static string? BasicPassword(string encoded)
    {
        try
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? null : pair[(colon + 1)..];
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
