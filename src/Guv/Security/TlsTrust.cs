using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Guv.Security;

/// <summary>
/// Which servers guv's HTTPS connections trust (the management API, Heroku, the integrations): those the system
/// trusts, plus certificates issued by the CAs of <c>ca_file</c> or env <c>GUV_CA_FILE</c>. Host names are always
/// checked and there is deliberately no way to turn verification off: a broker or platform that guv cannot verify
/// is one it must not send credentials to.
/// </summary>
public sealed class TlsTrust
{
    /// <summary>What to tell a user whose server is signed by a CA guv does not know.</summary>
    public const string Fix = "if it is signed by your own CA, give that CA's PEM file with 'ca_file' in the config "
        + "or env GUV_CA_FILE";

    private readonly X509Certificate2Collection _authorities;

    private TlsTrust(X509Certificate2Collection authorities, IReadOnlyList<string> files)
    {
        _authorities = authorities;
        Files = files;
    }

    /// <summary>The system's trust alone.</summary>
    public static TlsTrust System { get; } = new([], []);

    /// <summary>The CA files trusted besides the system's.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>Reads every named PEM file (blank names and repeats are skipped).</summary>
    /// <exception cref="FormatException">A file is missing or holds no certificate; the message names it.</exception>
    public static TlsTrust Load(IEnumerable<string?> files)
    {
        var named = files.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f!).Distinct(StringComparer.Ordinal)
            .ToList();
        var authorities = new X509Certificate2Collection();
        foreach (var file in named)
        {
            var before = authorities.Count;
            try
            {
                authorities.ImportFromPemFile(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
            {
                throw new FormatException($"cannot read the CA file '{file}' (ca_file or GUV_CA_FILE): {e.Message}");
            }

            if (authorities.Count == before)
            {
                throw new FormatException($"the CA file '{file}' (ca_file or GUV_CA_FILE) holds no PEM certificate; "
                    + "give a file with '-----BEGIN CERTIFICATE-----' blocks");
            }
        }

        return new TlsTrust(authorities, named);
    }

    /// <summary>A handler for an <see cref="HttpClient"/> that verifies servers with this trust.</summary>
    public SocketsHttpHandler CreateHandler()
    {
        var handler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        if (_authorities.Count > 0)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = Verify;
        }

        return handler;
    }

    /// <summary>
    /// Accepts what the system accepts; otherwise only a chain that ends in one of our CAs, and never a certificate
    /// for another host name.
    /// </summary>
    internal bool Verify(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
        {
            return true;
        }

        if (errors != SslPolicyErrors.RemoteCertificateChainErrors || certificate is null || _authorities.Count == 0)
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        // Private CAs seldom publish revocation lists; checking would fail every connection.
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf);
    }
}
