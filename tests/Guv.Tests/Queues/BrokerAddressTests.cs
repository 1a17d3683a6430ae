using Guv.Queues;

namespace Guv.Tests.Queues;

public class BrokerAddressTests
{
    [Theory]
    [InlineData("amqp://guest:guest@127.0.0.1:5672/", "http://127.0.0.1:15672/", "/")]
    [InlineData("amqp://u:p@rabbit.internal/jobs", "http://rabbit.internal:15672/", "jobs")]
    [InlineData("amqps://u:p@bunny.cloudamqp.com/abcd", "https://bunny.cloudamqp.com/", "abcd")]
    [InlineData("amqp://u:p@host/%2F", "http://host:15672/", "/")]
    public void Parse_DerivesManagementAndVhost(string broker, string management, string vhost)
    {
        var address = BrokerAddress.Parse(broker);

        Assert.Equal(management, address.Management.ToString());
        Assert.Equal(vhost, address.VirtualHost);
    }

    [Fact]
    public void Parse_ManagementKey_Overrides()
    {
        var address = BrokerAddress.Parse("amqp://u:p@host/", "http://127.0.0.1:9999");
        Assert.Equal("http://127.0.0.1:9999/", address.Management.ToString());
        Assert.Equal("u", address.User);
    }

    [Fact]
    public void ToString_NeverShowsThePassword()
    {
        var address = BrokerAddress.Parse("amqp://user:Sup3rS3cret@host/vh");
        Assert.DoesNotContain("Sup3rS3cret", address.ToString(), StringComparison.Ordinal);
        Assert.Equal("amqp://user:***@host/vh", address.ToString());
    }

    [Theory]
    [InlineData("http://user:Sup3rS3cret@host/")]
    [InlineData("not a url with Sup3rS3cret")]
    public void Parse_BadUrl_ErrorNamesTheFormatWithoutThePassword(string broker)
    {
        var error = Assert.Throws<FormatException>(() => BrokerAddress.Parse(broker));
        Assert.Contains("amqp://", error.Message, StringComparison.Ordinal);
        if (broker.Contains('@', StringComparison.Ordinal))
        {
            Assert.DoesNotContain("Sup3rS3cret", error.Message, StringComparison.Ordinal);
        }
    }
}
