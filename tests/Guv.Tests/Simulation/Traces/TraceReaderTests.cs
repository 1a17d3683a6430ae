using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Tests.Simulation.Traces;

public class TraceReaderTests
{
    [Fact]
    public void NasaPerMinute_LoadsWhole_MissingMinutesCutOutNotReplayedAsZero()
    {
        var trace = TraceReader.Load(TestTraces.Path("nasa_http_1995_requests_per_minute.csv"), new TraceOptions());

        // 89,280 minutes, of which 7,210 are 'nolog' or 'outage'; the rest hold 3,461,610 requests.
        Assert.Equal(3_461_610, trace.Jobs);
        Assert.Equal((89_280 - 7_210) * 60.0, trace.Length);
        Assert.Equal(new DateTimeOffset(1995, 7, 1, 0, 0, 0, TimeSpan.Zero), trace.Start);
    }

    [Fact]
    public void NasaPerSecond_FromTo_TakesTimesOfDayOnTheTracesDay()
    {
        var trace = TraceReader.Load(TestTraces.Path("nasa_http_1995-07-13_requests_per_second.csv"),
            new TraceOptions { From = "08:00", To = "12:00" });

        Assert.Equal(new DateTimeOffset(1995, 7, 13, 8, 0, 0, TimeSpan.Zero), trace.Start);
        Assert.Equal(4 * 3600.0, trace.Length);
        var arrivals = Drain(trace.Open(1));
        Assert.Equal(trace.Jobs, arrivals.Count);
        Assert.True(arrivals.Zip(arrivals.Skip(1)).All(p => p.First.At <= p.Second.At));
        Assert.InRange(arrivals[^1].At, 0, 4 * 3600.0);
    }

    [Fact]
    public void Azure_ProcessingTimeFromTokens_DefaultModelAveragesAboutTenSeconds()
    {
        var trace = TraceReader.Load(TestTraces.Path("AzureLLMInferenceTrace_conv.csv"), new TraceOptions());
        var arrivals = Drain(trace.Open(1));

        Assert.Equal(19_366, arrivals.Count);
        Assert.True(trace.HasDurations);
        // README: context tokens mean 1155, generated mean 211: 1 + 0.0005 * 1155 + 0.04 * 211 = 10.02 s.
        Assert.Equal(10.02, arrivals.Average(a => a.Duration), 0.1);
        Assert.InRange(trace.Length, 3490, 3510);
    }

    [Fact]
    public void Azure_ServiceModelFromTheUser_IsApplied()
    {
        var trace = TraceReader.Load(TestTraces.Path("AzureLLMInferenceTrace_conv.csv"),
            new TraceOptions { Service = "2 + 0.01*GeneratedTokens", Speed = 2 });
        var first = Drain(trace.Open(1))[0];

        // The first row generated 44 tokens.
        Assert.Equal(2.44, first.Duration, 9);
        Assert.InRange(trace.Length, 1745, 1755);
    }

    [Fact]
    public void Counts_StatusOtherThanOk_IsAGap_AndEachBinsCountIsSpreadWithinIt()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "minute_start_local,requests,status\n2000-01-01T00:00,3,ok\n"
            + "2000-01-01T00:01,0,nolog\n2000-01-01T00:02,0,outage\n2000-01-01T00:03,2,ok\n");
        try
        {
            var trace = TraceReader.Load(file, new TraceOptions());
            var arrivals = Drain(trace.Open(5));

            Assert.Equal(120, trace.Length);
            Assert.Equal(3, arrivals.Count(a => a.At < 60));
            Assert.Equal(2, arrivals.Count(a => a.At is >= 60 and < 120));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Timestamps_WithDurationColumn_AreUsedAsTheyAre()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "timestamp,duration\n2024-01-01 10:00:00,3.5\n2024-01-01 10:00:02.5,1\n");
        try
        {
            var arrivals = Drain(TraceReader.Load(file, new TraceOptions()).Open(1));

            Assert.Equal([new Arrival(0, 3.5), new Arrival(2.5, 1)], arrivals);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData("poisson:2", 7200)]
    [InlineData("step:low=1,high=3,at=1800,length=3600", 7200)]
    [InlineData("onoff:rate=4,on=300,off=900,length=7200", 4 * 300 * 6)]
    public void Synthetic_ArrivalCountNearItsExpectation(string spec, double expected)
    {
        var arrivals = Drain(TraceReader.Load(spec, new TraceOptions()).Open(11));

        Assert.InRange(arrivals.Count, expected - 4 * Math.Sqrt(expected), expected + 4 * Math.Sqrt(expected));
    }

    [Fact]
    public void Spike_RateRisesOnlyDuringTheSpike()
    {
        var arrivals = Drain(TraceReader.Load("spike:base=1,peak=10,at=600,width=300,length=1200", new TraceOptions()).Open(2));

        var during = arrivals.Count(a => a.At is >= 600 and < 900);
        var before = arrivals.Count(a => a.At < 300);
        Assert.InRange(during, 2700, 3300);
        Assert.InRange(before, 230, 370);
    }

    [Theory]
    [InlineData("no-such-file.csv", "synthetic")]
    [InlineData("poisson:rate=x", "rate=N")]
    [InlineData("spike:height=3", "peak=N")]
    public void BadSpec_SaysWhatIsAccepted(string spec, string hint)
    {
        var error = Assert.Throws<TraceException>(() => TraceReader.Load(spec, new TraceOptions()));

        Assert.Contains(hint, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromAfterTheTrace_SaysWhereTheTraceRuns()
    {
        var error = Assert.Throws<TraceException>(() => TraceReader.Load(
            TestTraces.Path("nasa_http_1995-07-13_requests_per_second.csv"), new TraceOptions { From = "1996-01-01" }));

        Assert.Contains("the trace runs from 1995-07-13T00:00:00 to 1995-07-14T00:00:00", error.Message, StringComparison.Ordinal);
    }

    private static List<Arrival> Drain(IArrivalFeed feed)
    {
        var list = new List<Arrival>();
        while (feed.TryNext(out var arrival))
        {
            list.Add(arrival);
        }

        return list;
    }
}
