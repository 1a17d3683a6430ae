using Guv.History;

namespace Guv.Tests.History;

public class PostgresUrlTests
{
    [Fact]
    public void ToConnectionString_FullUrl_CarriesEveryPart()
    {
        var builder = PostgresUrl.ToConnectionString("postgres://guv:p%40ss@db.internal:6543/metrics?sslmode=require");

        Assert.Equal(("db.internal", 6543, "metrics", "guv", "p@ss"),
            (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
        Assert.Equal(Npgsql.SslMode.Require, builder.SslMode);
    }

    [Fact]
    public void ToConnectionString_Bare_UsesPostgresDefaults()
    {
        var builder = PostgresUrl.ToConnectionString("postgresql://db");

        Assert.Equal((5432, "postgres"), (builder.Port, builder.Database));
    }

    [Theory]
    [InlineData("postgres://u:Hidden-Pass@db/x?nosuchsetting=1")]
    [InlineData("mysql://u:Hidden-Pass@db/x")]
    public void ToConnectionString_Unusable_ThrowsWithoutThePassword(string url)
    {
        var error = Assert.Throws<FormatException>(() => PostgresUrl.ToConnectionString(url));

        Assert.DoesNotContain("Hidden-Pass", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PicksTheStoreByTheValue()
    {
        Assert.IsType<MemoryHistoryStore>(HistoryStores.Open("off"));
        Assert.IsType<PostgresHistoryStore>(HistoryStores.Open("postgres://u:p@127.0.0.1/x"));
        Assert.IsType<SqliteHistoryStore>(HistoryStores.Open(null));
    }
}
