using Guv.Tests.Support;
using Guv.History;
using Guv.Tests.TestDoubles;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.History;

public class HistoryRecorderTests
{
    private const string Config = """
        '*': {pollinterval: 10, platform: local, command: ./work, broker: 'amqp://guest:guest@127.0.0.1/'}
        resize: {min: 2, max: 7, deadline: 90}
        """;

    [Fact]
    public async Task Record_StoresEachRoleWithItsLimits_AndDeletesWhatIsPastTheRetention()
    {
        var rig = new GovernorRig(Config);
        var store = new MemoryHistoryStore();
        await store.AppendAsync([
            SqliteHistoryStoreTests.Record(rig.Time.Now.AddDays(-15), "resize", 1),
            SqliteHistoryStoreTests.Record(rig.Time.Now.AddDays(-13), "resize", 2),
        ], CancellationToken.None);
        var recorder = new HistoryRecorder(store, () => rig.Governor.Config, rig.Time, NullLogger<HistoryRecorder>.Instance);

        recorder.Record(await rig.TickAsync("resize", 30));
        await recorder.DisposeAsync();
        var kept = await store.ReadAsync(null, DateTimeOffset.UnixEpoch, CancellationToken.None);

        Assert.Equal([2, 30], kept.Select(r => r.Jobs));
        var stored = kept[^1];
        Assert.Equal((2, 7, 90.0, "ScaleUp", 0, 5, 5), (stored.Minimum, stored.Maximum, stored.Deadline, stored.Reason,
            stored.Workers, stored.Desired, stored.Applied));
    }
}
