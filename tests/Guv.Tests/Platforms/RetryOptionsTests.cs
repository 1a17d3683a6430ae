using Guv.Platforms;

namespace Guv.Tests.Platforms;

public sealed class RetryOptionsTests
{
    [Theory]
    [InlineData(1, 1)] // the first wait
    [InlineData(2, 2)] // doubles
    [InlineData(4, 8)] // reaches the cap
    [InlineData(9, 8)] // stays at the cap
    [InlineData(40, 8)] // no overflow far past it
    public void DelayAfter_DoublesFromFirstDelayUpToMaxDelay(int attempt, double seconds)
    {
        var options = new RetryOptions();

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.DelayAfter(attempt));
    }
}
