using Guv.Platforms.Local;

namespace Guv.Tests.Platforms.Local;

public class LocalRoleWorkersTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void RecordCrash_CrashLoop_BacksOffDoublingUpToFiveMinutes()
    {
        var workers = new LocalRoleWorkers();
        var delays = new List<double>();
        var now = Start;
        for (var i = 0; i < 12; i++)
        {
            // Each replacement crashes one second after it starts.
            delays.Add(workers.RecordCrash(now.AddSeconds(1), now).TotalSeconds);
            now = workers.NextRestart;
        }

        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300], delays);
    }

    [Fact]
    public void RecordCrash_AfterRunningAWhile_ReplacesAtOnce()
    {
        var workers = new LocalRoleWorkers();
        workers.RecordCrash(Start.AddSeconds(1), Start);
        workers.RecordCrash(Start.AddSeconds(3), Start.AddSeconds(2));

        var delay = workers.RecordCrash(Start.AddMinutes(10), Start.AddSeconds(5));

        Assert.Equal(TimeSpan.Zero, delay);
    }
}
