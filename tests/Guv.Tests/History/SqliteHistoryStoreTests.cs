using Guv.History;

namespace Guv.Tests.History;

public sealed class SqliteHistoryStoreTests : IDisposable
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-history-test-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<SqliteHistoryStore> OpenAsync()
    {
        var store = new SqliteHistoryStore(Path.Combine(_folder, "sub", "h.db"));
        await store.InitializeAsync(CancellationToken.None);
        return store;
    }

    [Fact]
    public async Task Append_ThenRead_ReturnsRecordsWithTheirNulls()
    {
        await using var store = await OpenAsync();
        var full = Record(T0, "resize", jobs: 420) with { FillRate = 1.25, Explanation = "420 jobs x 10 s", Reason = "ScaleUp" };
        var failed = Record(T0, "thumbs", jobs: null) with { Error = "no queue 'thumbs'", Estimate = null, Desired = null };

        await store.AppendAsync([full, failed], CancellationToken.None);
        var read = await store.ReadAsync(null, T0, CancellationToken.None);

        Assert.Equal([full, failed], read);
    }

    [Fact]
    public async Task Read_ByRoleAndSince_FiltersAndOrdersOldestFirst()
    {
        await using var store = await OpenAsync();
        await store.AppendAsync([Record(T0.AddMinutes(2), "a", 3), Record(T0, "a", 1), Record(T0.AddMinutes(1), "b", 2)],
            CancellationToken.None);

        var read = await store.ReadAsync("a", T0.AddSeconds(-1), CancellationToken.None);
        var recent = await store.ReadAsync(null, T0.AddSeconds(30), CancellationToken.None);

        Assert.Equal([1, 3], read.Select(r => r.Jobs));
        Assert.Equal([2, 3], recent.Select(r => r.Jobs));
    }

    [Fact]
    public async Task Prune_DeletesOnlyOlderRecords()
    {
        await using var store = await OpenAsync();
        await store.AppendAsync([Record(T0.AddDays(-15), "a", 1), Record(T0.AddDays(-13), "a", 2)], CancellationToken.None);

        var deleted = await store.PruneAsync(T0.AddDays(-14), CancellationToken.None);
        var left = await store.ReadAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal(1, deleted);
        Assert.Equal([2], left.Select(r => r.Jobs));
    }

    internal static HistoryRecord Record(DateTimeOffset at, string role, int? jobs) =>
        new(at, role, jobs, 2, null, 0.5, 1, 3, 3, 3, 1, 5, 60, "ScaleUp", null, null);
}
