using Guv.History;

namespace Guv.Tests.History;

/// <summary>guv warns when the PostgreSQL of history and lease is remote and its certificate unverified (issue #6).</summary>
public sealed class PostgresTlsTests
{
    [Theory]
    // Each row: the URL, and whether the server would be reached unverified.
    [InlineData("postgres://u:p@db.internal/x", true)]
    [InlineData("postgres://u:p@db.internal/x?sslmode=require", true)]
    [InlineData("postgres://u:p@db.internal/x?sslmode=verify-ca", false)]
    [InlineData("postgres://u:p@db.internal/x?sslmode=verify-full", false)]
    [InlineData("postgres://u:p@127.0.0.1/x", false)]
    [InlineData("postgres://u:p@localhost/x", false)]
    public async Task ServerUnverified_OnlyForARemoteServerWithoutVerification(string url, bool expected)
    {
        await using var store = new PostgresHistoryStore(url);

        Assert.Equal(expected, store.ServerUnverified);
    }

    [Fact]
    public void ToConnectionString_LibpqSpellings_AskNpgsqlToVerify()
    {
        var builder = PostgresUrl.ToConnectionString(
            "postgres://u:p@db.internal/x?sslmode=verify-full&sslrootcert=%2Fetc%2Fdb-ca.pem");

        Assert.Equal((Npgsql.SslMode.VerifyFull, "/etc/db-ca.pem"), (builder.SslMode, builder.RootCertificate));
    }
}
