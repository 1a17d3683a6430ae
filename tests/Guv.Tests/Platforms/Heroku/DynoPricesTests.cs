using Guv.Platforms.Heroku;

namespace Guv.Tests.Platforms.Heroku;

public sealed class DynoPricesTests
{
    [Theory]
    [InlineData("standard-1x", 25.0 / 720)]
    [InlineData("Standard-2X", 50.0 / 720)]
    [InlineData("performance-m", 250.0 / 720)]
    [InlineData("basic", 7.0 / 720)]
    [InlineData("eco", 0.005)]
    public void PerHour_KnownSize_IsTheMonthlyMaximumOver720Hours(string size, double expected)
    {
        Assert.Equal(expected, DynoPrices.PerHour(size)!.Value, 9);
    }

    [Fact]
    public void PerHour_UnknownSize_IsNull()
    {
        Assert.Null(DynoPrices.PerHour("private-s"));
    }
}
