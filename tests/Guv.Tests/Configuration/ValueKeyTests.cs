using Guv.Configuration;

namespace Guv.Tests.Configuration;

public class ValueKeyTests
{
    [Fact]
    public void Value_IsReadAndInheritedFromDefaults()
    {
        var config = new ConfigLoader(_ => null).Load("'*': {value: 4}\na: {policy: hpa}\nb: {value: 2.5, policy: next}\n", "t");

        Assert.Equal(4, config.Find("a")!.Value);
        Assert.Equal("hpa", config.Find("a")!.Policy);
        Assert.Equal(2.5, config.Find("b")!.Value);
        Assert.Equal("next", config.Find("b")!.Policy);
    }

    [Fact]
    public void Value_NotAboveZero_IsAProblem()
    {
        var error = Assert.Throws<ConfigException>(() => new ConfigLoader(_ => null).Load("a: {value: 0}\n", "t"));

        Assert.Contains(error.Problems, p => p.Key == "value" && p.ToString().Contains("above zero", StringComparison.Ordinal));
    }
}
