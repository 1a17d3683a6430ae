using Guv.Model;

namespace Guv.Tests.Model;

public class QueueingModelTests
{
    [Theory]
    [InlineData(3, 2.0, 4 / 9.0)] // B(3, 2) = 4/19, C = 3B / (3 - 2(1 - B)) = 4/9
    [InlineData(1, 0.5, 0.5)] // M/M/1: the probability of waiting is rho
    [InlineData(2, 2.0, 1.0)] // overloaded
    public void ErlangC_MatchesHandComputedValues(int servers, double load, double expected)
    {
        Assert.Equal(expected, QueueingModel.ErlangC(servers, load), 9);
    }

    [Fact]
    public void ServersFor_FewestServersMeetingTheMissBound()
    {
        // Near-constant 1 s service, 5 jobs/s, deadline 3 s: with c servers P(wait > 2) ~ C(c, 5) exp(-2(c - 5) * 2).
        var c = QueueingModel.ServersFor(5, 1, 0.001, 3, 0.01, 100);

        static double Miss(int servers) => QueueingModel.ErlangC(servers, 5) * Math.Exp(-(servers - 5) * 2 * 2);
        Assert.True(Miss(c) <= 0.011, $"miss {Miss(c)} at {c}");
        Assert.True(Miss(c - 1) > 0.0099, $"miss {Miss(c - 1)} at {c - 1}");
    }

    [Fact]
    public void ServersFor_LimitCapsTheAnswer()
    {
        Assert.Equal(7, QueueingModel.ServersFor(100, 10, 5, 60, 0.01, 7));
        Assert.Equal(0, QueueingModel.ServersFor(0, 10, 5, 60, 0.01, 7));
    }

    [Fact]
    public void NormalCdf_KnownValues()
    {
        Assert.Equal(0.5, QueueingModel.NormalCdf(0), 6);
        Assert.Equal(0.99, QueueingModel.NormalCdf(2.3263), 4);
        Assert.Equal(0.01, QueueingModel.NormalCdf(-2.3263), 4);
    }
}
