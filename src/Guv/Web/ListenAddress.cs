using System.Globalization;
using System.Net;

namespace Guv.Web;

/// <summary>Where the web endpoints listen: <c>HOST:PORT</c>, a bare <c>PORT</c> (on loopback), or <c>off</c>.</summary>
public sealed record ListenAddress(IPAddress Address, int Port)
{
    /// <summary>The default: loopback port 8080, so nothing is exposed beyond the machine unless asked for.</summary>
    public const string Default = "127.0.0.1:8080";

    /// <summary>Parses <c>--listen</c>; null for <c>off</c>.</summary>
    /// <exception cref="FormatException">The value is none of the accepted forms; the message says how to write it.</exception>
    public static ListenAddress? Parse(string text)
    {
        text = text.Trim();
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? "127.0.0.1" : text[..colon].Trim('[', ']');
        var portText = colon < 0 ? text : text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port > 65535)
        {
            throw new FormatException($"--listen '{text}' has no valid port; write HOST:PORT such as {Default}, or 'off'");
        }

        var address = host switch
        {
            "" or "localhost" => IPAddress.Loopback,
            _ when IPAddress.TryParse(host, out var ip) => ip,
            _ => throw new FormatException(
                $"--listen '{text}' names the host '{host}'; give an IP address such as 127.0.0.1 (or 0.0.0.0 for every address)"),
        };
        return new ListenAddress(address, port);
    }

    /// <inheritdoc />
    public override string ToString() => Address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
        ? $"[{Address}]:{Port}"
        : $"{Address}:{Port}";
}
