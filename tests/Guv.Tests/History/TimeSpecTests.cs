using Guv.History;

namespace Guv.Tests.History;

public class TimeSpecTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("90s", "2026-12-04T14:58:30Z")]
    [InlineData("15m", "2026-12-04T14:45:00Z")]
    [InlineData("3h", "2026-12-04T12:00:00Z")]
    [InlineData("14d", "2026-11-20T15:00:00Z")]
    [InlineData("2026-12-01T10:00:00Z", "2026-12-01T10:00:00Z")]
    [InlineData("2026-12-01T11:00:00+01:00", "2026-12-01T10:00:00Z")]
    [InlineData("2026-12-01T10:00:00", "2026-12-01T10:00:00Z")]
    [InlineData("1796000000", "2026-11-30T00:53:20Z")]
    public void Parse_AcceptedForms_GiveTheTime(string text, string expected)
    {
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), TimeSpec.Parse(text, Now));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("-5m")]
    [InlineData("")]
    public void Parse_Unreadable_GivesNull(string text) => Assert.Null(TimeSpec.Parse(text, Now));
}
