using Guv.Queues;

namespace Guv.Tests.Queues;

public class ManagementResponseParserTests
{
    [Fact]
    public void Parse_PlainList_ReadsCountsAndRates()
    {
        var page = ManagementResponseParser.Parse("""
            [{"name":"images","messages":12,"messages_ready":9,"messages_unacknowledged":3,"consumers":3,
              "message_stats":{"publish_details":{"rate":2.5},"ack_details":{"rate":1.5}}}]
            """);

        var stats = page.Queues["images"].Stats!;
        Assert.Equal(new QueueStats(12, 9, 3, 3, 2.5, 1.5), stats);
        Assert.Equal(1, page.PageCount);
    }

    [Fact]
    public void Parse_MissingRatesAndConsumers_AreUnknownNotZero()
    {
        var stats = ManagementResponseParser.Parse("""[{"name":"q","messages":4}]""").Queues["q"].Stats!;

        Assert.Equal(4, stats.Jobs);
        Assert.Null(stats.Consumers);
        Assert.Null(stats.PublishRate);
        Assert.Null(stats.AckRate);
    }

    [Fact]
    public void Parse_NewQueueWithoutCounts_IsNoStatisticsNotZeroJobs()
    {
        var reading = ManagementResponseParser.Parse("""[{"name":"fresh","consumers":0}]""").Queues["fresh"];

        Assert.Null(reading.Stats);
        Assert.Equal(QueueReadError.NoStatistics, reading.Error);
    }

    [Fact]
    public void Parse_ReadyAndUnackedWithoutMessages_AddsThem()
    {
        var stats = ManagementResponseParser.Parse(
            """[{"name":"q","messages_ready":5,"messages_unacknowledged":2}]""").Queues["q"].Stats!;

        Assert.Equal(7, stats.Jobs);
    }

    [Theory]
    [InlineData("""[{"name":"q","messages":-3}]""")]
    [InlineData("""[{"name":"q","messages":"12"}]""")]
    [InlineData("""[{"name":"q","messages":1e40}]""")]
    [InlineData("""[{"name":"q","messages":null}]""")]
    public void Parse_AbsurdCounts_AreNoStatistics(string json)
    {
        Assert.Equal(QueueReadError.NoStatistics, ManagementResponseParser.Parse(json).Queues["q"].Error);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(1e12)]
    public void Parse_AbsurdRates_AreUnknown(double rate)
    {
        var json = "[{\"name\":\"q\",\"messages\":1,\"message_stats\":{\"publish_details\":{\"rate\":"
            + rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + "}}}]";
        Assert.Null(ManagementResponseParser.Parse(json).Queues["q"].Stats!.PublishRate);
    }

    [Fact]
    public void Parse_PagedAnswer_ReadsItemsAndPageCount()
    {
        var page = ManagementResponseParser.Parse("""{"items":[{"name":"a","messages":1}],"page_count":3,"page":1}""");

        Assert.Equal(3, page.PageCount);
        Assert.Equal(1, page.Queues["a"].Stats!.Jobs);
    }

    [Theory]
    [InlineData("<html><body>502 Bad Gateway</body></html>", "HTML page")]
    [InlineData("""[{"name":"q","messa""", "not JSON")]
    [InlineData("", "empty")]
    [InlineData("""{"error":"not_authorised"}""", "expected a list of queues")]
    public void Parse_NotAListing_ThrowsFormatExceptionSayingWhat(string body, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ManagementResponseParser.Parse(body));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
