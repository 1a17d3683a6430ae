namespace Guv.Tests.Web;

public class PrometheusTextParserTests
{
    [Theory]
    [InlineData("a 1\na 2\n", "the same series twice")]
    [InlineData("# TYPE a gauge\na 1\n# TYPE b gauge\nb 1\na{x=\"1\"} 2\n", "a metric split in two groups")]
    [InlineData("a 1\n# TYPE a gauge\n", "TYPE after its samples")]
    [InlineData("# TYPE a counter\na -1\n", "a negative counter")]
    [InlineData("# TYPE a gauge\na{x=\"1\" 1\n", "labels not closed")]
    [InlineData("# TYPE a gauge\na one\n", "a value that is not a number")]
    [InlineData("# TYPE a gauge\na{x=\"\\q\"} 1\n", "an unknown escape")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 2\nh_bucket{le=\"+Inf\"} 1\nh_sum 1\nh_count 1\n", "buckets going down")]
    [InlineData("# TYPE h histogram\nh_bucket{le=\"1\"} 1\nh_sum 1\nh_count 1\n", "no +Inf bucket")]
    [InlineData("# TYPE a gauge\na 1", "no final line feed")]
    public void Parse_InvalidText_Throws(string text, string why)
    {
        Assert.Throws<FormatException>(() => PrometheusTextParser.Parse(text));
        Assert.NotEmpty(why);
    }

    [Fact]
    public void Parse_ValidText_ReadsFamiliesLabelsAndValues()
    {
        var text = "# HELP a A \\\\ help\n# TYPE a gauge\na{x=\"q\\\"uote\",y=\"2\"} 1.5\na{x=\"z\"} +Inf 1700000000\n"
            + "# TYPE h histogram\nh_sum 3\nh_count 2\nh_bucket{le=\"1\"} 1\nh_bucket{le=\"+Inf\"} 2\n";

        var families = PrometheusTextParser.Parse(text);

        Assert.Equal("A \\ help", families["a"].Help);
        Assert.Equal(1.5, PrometheusTextParser.Value(families, "a", ("x", "q\"uote"), ("y", "2")));
        Assert.Equal(double.PositiveInfinity, PrometheusTextParser.Value(families, "a", ("x", "z")));
        Assert.Equal(4, families["h"].Samples.Count);
    }
}
