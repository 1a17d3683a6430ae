using System.Security.Authentication;

namespace Guv.Security;

/// <summary>Turns a failed TLS handshake into a message that says what to do, instead of "see inner exception".</summary>
public static class TlsFailure
{
    /// <summary>The message for a request that failed because the server's certificate was untrusted; else null.</summary>
    public static string? Describe(Exception error, Uri? server)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is AuthenticationException)
            {
                var who = server is null ? "the server" : server.Host;
                return $"cannot verify the TLS certificate of {who}: {e.Message.TrimEnd('.')}; {TlsTrust.Fix}";
            }
        }

        return null;
    }

    /// <summary><see cref="Describe"/>, else the error's own message.</summary>
    public static string Message(Exception error, Uri? server) => Describe(error, server) ?? error.Message;
}
