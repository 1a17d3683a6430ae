using Guv.History;
using Npgsql;

namespace Guv.IntegrationTests.History;

/// <summary>The PostgreSQL history store against the real server of scripts/services/postgres.sh.</summary>
public sealed class PostgresHistoryStoreTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _role = "pg-test-" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Append_ThenRead_ReturnsRecordsWithTheirNulls()
    {
        await using var store = await OpenAsync();
        var full = Record(T0, 420) with { FillRate = 1.25, Explanation = "420 jobs x 10 s", Reason = "ScaleUp" };
        var failed = Record(T0.AddSeconds(30), null) with { Error = "no queue", Estimate = null, Desired = null };

        await store.AppendAsync([full, failed], CancellationToken.None);
        var read = await store.ReadAsync(_role, T0, CancellationToken.None);

        Assert.Equal([full, failed], read);
    }

    [Fact]
    public async Task Read_Since_LeavesOutOlderRecords()
    {
        await using var store = await OpenAsync();
        await store.AppendAsync([Record(T0, 1), Record(T0.AddMinutes(1), 2)], CancellationToken.None);

        var read = await store.ReadAsync(_role, T0.AddSeconds(1), CancellationToken.None);

        Assert.Equal([2], read.Select(r => r.Jobs));
    }

    [Fact]
    public async Task Prune_DeletesRecordsOlderThanTheCutoff()
    {
        await using var store = await OpenAsync();
        var old = new DateTimeOffset(2001, 1, 1, 0, 0, 0, TimeSpan.Zero);
        await store.AppendAsync([Record(old, 1), Record(old.AddDays(20), 2)], CancellationToken.None);

        var deleted = await store.PruneAsync(old.AddDays(1), CancellationToken.None);
        var left = await store.ReadAsync(_role, old.AddDays(-1), CancellationToken.None);

        Assert.True(deleted >= 1);
        Assert.Equal([2], left.Select(r => r.Jobs));
    }

    [Fact]
    public async Task Initialize_WithAWrongPassword_FailsWithoutShowingIt()
    {
        var url = new UriBuilder(TestServices.Postgres) { Password = "Wrong-Pass-5150" }.Uri.ToString();
        await using var store = new PostgresHistoryStore(url);

        var error = await Assert.ThrowsAsync<PostgresException>(() => store.InitializeAsync(CancellationToken.None));

        Assert.Equal("28P01", error.SqlState); // invalid_password
        Assert.DoesNotContain("Wrong-Pass-5150", error.Message + store.Description, StringComparison.Ordinal);
    }

    private static async Task<PostgresHistoryStore> OpenAsync()
    {
        var store = new PostgresHistoryStore(TestServices.Postgres);
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    private HistoryRecord Record(DateTimeOffset at, int? jobs) =>
        new(at, _role, jobs, 2, null, 0.5, 1, 3, 3, 3, 1, 5, 60, "ScaleUp", null, null);
}
