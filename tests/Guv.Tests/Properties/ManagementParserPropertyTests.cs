using System.Text;
using CsCheck;
using Guv.Queues;

namespace Guv.Tests.Properties;

/// <summary>
/// Random and mutated management API answers: the parser gives readings or a FormatException naming what it saw,
/// never another exception, and no reading ever has negative jobs or rates.
/// </summary>
public class ManagementParserPropertyTests
{
    private const string Seed = """
        [{"name":"images","messages":12,"messages_ready":9,"messages_unacknowledged":3,"consumers":3,
          "message_stats":{"publish_details":{"rate":2.5},"ack_details":{"rate":1.5}}},
         {"name":"fresh","consumers":0},
         {"name":"pdf","messages":0,"message_stats":{}}]
        """;

    private static void ParsesCleanly(string text)
    {
        try
        {
            var page = ManagementResponseParser.Parse(text);
            Assert.True(page.PageCount >= 1);
            foreach (var reading in page.Queues.Values)
            {
                Assert.True(reading.Stats is not null ^ reading.Error is not null);
                if (reading.Stats is { } stats)
                {
                    Assert.True(stats.Jobs >= 0);
                    Assert.True(stats.PublishRate is null or >= 0 && stats.AckRate is null or >= 0);
                }
            }
        }
        catch (FormatException e)
        {
            Assert.False(string.IsNullOrWhiteSpace(e.Message));
        }
    }

    [Fact]
    public void RandomText_OnlyReadingsOrFormatErrors()
    {
        Gen.String[Gen.OneOf(Gen.Char["[]{}\":,0123456789-.eE \n"], Gen.Char), 0, 300].Sample(ParsesCleanly, iter: 5000);
    }

    [Fact]
    public void MutatedListing_OnlyReadingsOrFormatErrors()
    {
        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, Seed.Length], Gen.Int[0, 30], Gen.Char["[]{}\":,-0123456789.eEnul "]);
        edit.Array[1, 6].Sample(edits =>
        {
            var text = new StringBuilder(Seed);
            foreach (var (kind, at, length, c) in edits)
            {
                var position = Math.Min(at, text.Length);
                switch (kind)
                {
                    case 0:
                        text.Insert(position, c);
                        break;
                    case 1:
                        text.Remove(position, Math.Min(length, text.Length - position));
                        break;
                    default:
                        text.Length = position; // truncated, as an answer cut off mid-way
                        break;
                }
            }

            ParsesCleanly(text.ToString());
        }, iter: 5000);
    }

    [Fact]
    public void RandomNumbers_NeverNegativeJobsOrRates()
    {
        var number = Gen.OneOf(
            Gen.Long.Select(l => l.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) : "1e400"),
            Pick("null", "\"7\"", "true", "[]", "{}"));
        Gen.Select(number, number, number, number).Sample(n =>
            ParsesCleanly("[{\"name\":\"q\",\"messages\":" + n.Item1 + ",\"consumers\":" + n.Item2
                + ",\"message_stats\":{\"publish_details\":{\"rate\":" + n.Item3
                + "},\"ack_details\":{\"rate\":" + n.Item4 + "}}}]"),
            iter: 5000);
    }

    private static Gen<string> Pick(params string[] choices) => Gen.Int[0, choices.Length - 1].Select(i => choices[i]);
}
