namespace Guv.Queues;

/// <summary>
/// An AMQP broker URL taken apart: where its management API is, which vhost, and which credentials.
/// <see cref="ToString"/> never shows the password.
/// </summary>
public sealed class BrokerAddress
{
    private BrokerAddress(Uri management, string vhost, string user, string password, string redacted)
    {
        Management = management;
        VirtualHost = vhost;
        User = user;
        Password = password;
        Redacted = redacted;
    }

    /// <summary>Base URL of the management HTTP API, ending in a slash.</summary>
    public Uri Management { get; }

    /// <summary>The vhost named by the URL's path; <c>/</c> when the path is empty.</summary>
    public string VirtualHost { get; }

    /// <summary>User for the management API; <c>guest</c> when the URL names none.</summary>
    public string User { get; }

    /// <summary>Password for the management API; <c>guest</c> when the URL names none.</summary>
    internal string Password { get; }

    /// <summary>The broker URL with its password replaced by <c>***</c>.</summary>
    public string Redacted { get; }

    /// <summary>
    /// Parses a broker URL. The management API is <c>http://host:15672/</c> for <c>amqp</c> and
    /// <c>https://host/</c> for <c>amqps</c> (as hosted brokers such as CloudAMQP serve it), unless
    /// <paramref name="management"/> names it.
    /// </summary>
    /// <exception cref="FormatException">The URL is not an amqp or amqps URL; the message says why without the password.</exception>
    public static BrokerAddress Parse(string broker, string? management = null)
    {
        if (!Uri.TryCreate(broker, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
        {
            throw new FormatException(
                $"the broker URL '{RedactText(broker)}' is not an amqp:// or amqps:// URL; "
                + "write it as amqp://user:password@host:5672/vhost");
        }

        var (user, password) = Credentials(uri);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        var redacted = RedactText(broker);
        Uri managementUri;
        if (!string.IsNullOrWhiteSpace(management))
        {
            if (!Uri.TryCreate(management.EndsWith('/') ? management : management + "/", UriKind.Absolute, out managementUri!)
                || managementUri.Scheme is not ("http" or "https"))
            {
                throw new FormatException(
                    $"the management URL '{RedactText(management)}' is not an http:// or https:// URL; "
                    + "write it as http://host:15672/");
            }

            (user, password) = managementUri.UserInfo.Length > 0 ? Credentials(managementUri) : (user, password);
            managementUri = new UriBuilder(managementUri) { UserName = "", Password = "" }.Uri;
        }
        else
        {
            managementUri = uri.Scheme == "amqps"
                ? new UriBuilder("https", uri.Host).Uri
                : new UriBuilder("http", uri.Host, 15672).Uri;
        }

        return new BrokerAddress(managementUri, vhost.Length == 0 ? "/" : vhost, user, password, redacted);
    }

    /// <summary>Replaces the password of any URL in <paramref name="text"/> with <c>***</c>.</summary>
    public static string RedactText(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"(?<=://[^:/@\s]*:)[^@\s]*(?=@)", "***");

    /// <inheritdoc />
    public override string ToString() => Redacted;

    private static (string User, string Password) Credentials(Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return ("guest", "guest");
        }

        var parts = uri.UserInfo.Split(':', 2);
        return (Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
    }
}
