using Guv.History;

namespace Guv.Tests.History;

public class HistoryExportTests
{
    [Fact]
    public async Task Csv_QuotesTextWithCommasAndQuotes_AndLeavesUnknownsEmpty()
    {
        var record = SqliteHistoryStoreTests.Record(new DateTimeOffset(2026, 12, 1, 12, 0, 0, TimeSpan.Zero), "resize", null)
            with { Explanation = "420 jobs x 10 s, capped at max 40", Error = "the \"queue\" is gone" };
        using var output = new StringWriter();

        await HistoryExport.WriteCsvAsync([record], output);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HistoryExport.CsvHeader, lines[0].TrimEnd('\r'));
        Assert.Equal("2026-12-01T12:00:00.000Z,resize,,2,,0.5,1,3,3,3,1,5,60,ScaleUp,"
            + "\"420 jobs x 10 s, capped at max 40\",\"the \"\"queue\"\" is gone\"", lines[1].TrimEnd('\r'));
    }

    [Fact]
    public async Task Json_UsesTheApiFieldNames()
    {
        var record = SqliteHistoryStoreTests.Record(DateTimeOffset.UnixEpoch, "resize", 7);
        using var output = new StringWriter();

        await HistoryExport.WriteJsonAsync([record], output);

        Assert.Contains("\"jobs\": 7", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"fillRate\": null", output.ToString(), StringComparison.Ordinal);
    }
}
