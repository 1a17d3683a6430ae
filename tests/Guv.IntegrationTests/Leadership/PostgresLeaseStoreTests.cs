using Guv.Leadership;

namespace Guv.IntegrationTests.Leadership;

/// <summary>The lease rules in the real PostgreSQL of scripts/services/postgres.sh.</summary>
public sealed class PostgresLeaseStoreTests : IDisposable
{
    private readonly PostgresLeaseStore _store = new(TestServices.Postgres);
    private readonly string _name = "test-" + Guid.NewGuid().ToString("N")[..8];

    // xunit 2 disposes test classes through IDisposable only.
    public void Dispose() => _store.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Fact]
    public async Task TryAcquire_FreeLease_FirstTakesIt_SecondIsToldWhoHasIt()
    {
        await _store.InitializeAsync(CancellationToken.None);

        var first = await _store.TryAcquireAsync(_name, "a", TimeSpan.FromMinutes(1), CancellationToken.None);
        var second = await _store.TryAcquireAsync(_name, "b", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("a", first);
        Assert.Equal("a", second);
    }

    [Fact]
    public async Task TryAcquire_ByTheHolder_RenewsIt()
    {
        await _store.InitializeAsync(CancellationToken.None);
        await _store.TryAcquireAsync(_name, "a", TimeSpan.FromSeconds(1), CancellationToken.None);

        await Task.Delay(600);
        var renewed = await _store.TryAcquireAsync(_name, "a", TimeSpan.FromSeconds(1), CancellationToken.None);
        await Task.Delay(600); // past the first expiry, within the renewed one
        var other = await _store.TryAcquireAsync(_name, "b", TimeSpan.FromSeconds(1), CancellationToken.None);

        Assert.Equal("a", renewed);
        Assert.Equal("a", other);
    }

    [Fact]
    public async Task TryAcquire_AfterTheLeaseExpired_AnotherTakesIt()
    {
        await _store.InitializeAsync(CancellationToken.None);
        await _store.TryAcquireAsync(_name, "a", TimeSpan.FromMilliseconds(300), CancellationToken.None);

        await Task.Delay(700);
        var taken = await _store.TryAcquireAsync(_name, "b", TimeSpan.FromMinutes(1), CancellationToken.None);
        var old = await _store.TryAcquireAsync(_name, "a", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("b", taken);
        Assert.Equal("b", old);
    }

    [Fact]
    public async Task Release_OnlyByTheHolder_FreesTheLease()
    {
        await _store.InitializeAsync(CancellationToken.None);
        await _store.TryAcquireAsync(_name, "a", TimeSpan.FromMinutes(1), CancellationToken.None);

        await _store.ReleaseAsync(_name, "b", CancellationToken.None);
        var afterWrongRelease = await _store.TryAcquireAsync(_name, "b", TimeSpan.FromMinutes(1), CancellationToken.None);
        await _store.ReleaseAsync(_name, "a", CancellationToken.None);
        var afterRelease = await _store.TryAcquireAsync(_name, "b", TimeSpan.FromMinutes(1), CancellationToken.None);

        Assert.Equal("a", afterWrongRelease);
        Assert.Equal("b", afterRelease);
    }

    [Fact]
    public async Task TryAcquire_ManyAtOnce_ExactlyOneHolds()
    {
        await _store.InitializeAsync(CancellationToken.None);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            _store.TryAcquireAsync(_name, $"h{i}", TimeSpan.FromMinutes(1), CancellationToken.None)));

        // A loser racing the first INSERT may not see the winner's row yet (its snapshot predates it): null.
        var winner = Assert.Single(Enumerable.Range(0, 8), i => answers[i] == $"h{i}");
        Assert.All(answers, a => Assert.True(a is null || a == $"h{winner}", $"{a} also claims the lease"));
    }
}
