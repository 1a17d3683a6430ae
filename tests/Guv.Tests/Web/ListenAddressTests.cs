using System.Net;
using Guv.Web;

namespace Guv.Tests.Web;

public class ListenAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080)]
    [InlineData("9090", "127.0.0.1", 9090)]
    [InlineData("localhost:80", "127.0.0.1", 80)]
    [InlineData("0.0.0.0:8080", "0.0.0.0", 8080)]
    [InlineData("[::1]:8080", "::1", 8080)]
    public void Parse_AcceptedForms_GiveAddressAndPort(string text, string address, int port)
    {
        Assert.Equal(new ListenAddress(IPAddress.Parse(address), port), ListenAddress.Parse(text));
    }

    [Fact]
    public void Parse_Off_TurnsServingOff() => Assert.Null(ListenAddress.Parse("off"));

    [Theory]
    [InlineData("example.com:8080")]
    [InlineData("127.0.0.1:http")]
    [InlineData("127.0.0.1:70000")]
    public void Parse_Unusable_ThrowsWithTheFix(string text)
    {
        var error = Assert.Throws<FormatException>(() => ListenAddress.Parse(text));
        Assert.Contains("--listen", error.Message, StringComparison.Ordinal);
    }
}
