using Guv.Configuration;
using Guv.Platforms.Heroku;
using Guv.Queues;
using Guv.Security;
using Guv.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Security;

/// <summary>
/// guv verifies every HTTPS server, against a real loopback TLS server whose CA this test makes (issue #6): an unknown
/// CA fails with a message naming ca_file and GUV_CA_FILE, the CA given as a PEM file works, and a certificate of
/// that CA for another host name still fails.
/// </summary>
public sealed class TlsTrustTests : IDisposable
{
    private const string Listing = """[{"name":"work","messages":7,"messages_ready":7,"messages_unacknowledged":0,"consumers":1}]""";
    private readonly TestCertificates _certificates = new();
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-tls-").FullName;

    public void Dispose()
    {
        _certificates.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task ManagementApi_CertificateOfAnUnknownCa_FailsNamingTheCaOption()
    {
        await using var server = await StartAsync(_certificates.Server());

        var reading = await ReadAsync(server, TlsTrust.System);

        Assert.Null(reading.Stats);
        Assert.Contains("cannot verify the TLS certificate of 127.0.0.1", reading.Detail, StringComparison.Ordinal);
        Assert.Contains("ca_file", reading.Detail, StringComparison.Ordinal);
        Assert.Contains("GUV_CA_FILE", reading.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementApi_CaGivenAsPemFile_IsTrusted()
    {
        await using var server = await StartAsync(_certificates.Server());
        var trust = TlsTrust.Load([_certificates.WriteAuthorityPem(_folder)]);

        var reading = await ReadAsync(server, trust);

        Assert.Equal(7, reading.Stats?.Jobs);
    }

    [Fact]
    public async Task ManagementApi_TrustedCaButCertificateForAnotherHost_Fails()
    {
        await using var server = await StartAsync(_certificates.Server("elsewhere.test"));
        var trust = TlsTrust.Load([_certificates.WriteAuthorityPem(_folder)]);

        var reading = await ReadAsync(server, trust);

        Assert.Null(reading.Stats);
        Assert.Contains("cannot verify the TLS certificate", reading.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ManagementApi_AnotherCaGiven_StillFails()
    {
        await using var server = await StartAsync(_certificates.Server());
        using var other = new TestCertificates();
        var trust = TlsTrust.Load([other.WriteAuthorityPem(_folder)]);

        var reading = await ReadAsync(server, trust);

        Assert.Null(reading.Stats);
        Assert.Contains("ca_file", reading.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Heroku_CertificateOfAnUnknownCa_FailsNamingTheCaOption()
    {
        await using var server = await StartAsync(_certificates.Server());
        var config = new ConfigLoader(_ => null).Load(
            $"web: {{app: shop, apikey: key-1, heroku_api: '{server.Url}'}}", "test.guv.yaml");
        await using var platform = new HerokuPlatform(null, TimeProvider.System, NullLogger<HerokuPlatform>.Instance,
            new HerokuPlatformOptions { Retry = new Guv.Platforms.RetryOptions { MaxAttempts = 1 } });

        var result = await platform.ReadAsync(config.Roles, CancellationToken.None);

        Assert.Contains("ca_file", result["web"].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.pem", "cannot read the CA file")]
    [InlineData("empty.pem", "holds no PEM certificate")]
    public void Load_UnusableFile_NamesItAndTheOption(string name, string expected)
    {
        var path = Path.Combine(_folder, name);
        if (name == "empty.pem")
        {
            File.WriteAllText(path, "not a certificate\n");
        }

        var error = Assert.Throws<FormatException>(() => TlsTrust.Load([path]));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("GUV_CA_FILE", error.Message, StringComparison.Ordinal);
    }

    private static Task<LoopbackServer> StartAsync(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) =>
        LoopbackServer.StartAsync(async (context, _) =>
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(Listing);
        }, certificate);

    private static async Task<QueueReading> ReadAsync(LoopbackServer server, TlsTrust trust)
    {
        using var http = new HttpClient(trust.CreateHandler());
        var queue = new QueueRef(BrokerAddress.Parse("amqps://guest:guest@127.0.0.1/", server.Url.ToString()), "work");
        var readings = await new RabbitMqManagementSource(http).ReadAsync([queue], CancellationToken.None);
        return readings[queue];
    }
}
