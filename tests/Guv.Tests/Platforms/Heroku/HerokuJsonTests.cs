using Guv.Platforms.Heroku;

namespace Guv.Tests.Platforms.Heroku;

public sealed class HerokuJsonTests
{
    [Theory]
    // Heroku's answer as guv 0.3's users logged it in 2017 (flowhub/guv#16): size given as a number.
    [InlineData("""{"limit":2,"size":11,"id":"cannot_run_above_limit","message":"Cannot run more than 2 Free size dynos."}""", 2, "11")]
    // The current form: size named.
    [InlineData("""
        {"id":"cannot_run_above_limit","message":"Cannot run more than 10 Performance-L size dynos.",
         "limit":10,"size":"Performance-L"}
        """, 10, "Performance-L")]
    // Another 422 carries no limit.
    [InlineData("""{"id":"invalid_params","message":"App has not been deployed"}""", null, null)]
    public void ParseError_ReadsLimitAndSize(string body, int? limit, string? size)
    {
        var error = HerokuJson.ParseError(body);

        Assert.Equal(limit, error.Limit);
        Assert.Equal(size, error.Size);
        Assert.NotNull(error.Id);
    }

    [Theory]
    [InlineData("<html>Bad gateway</html>")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public void ParseError_NotAnErrorObject_AllFieldsNull(string body)
    {
        Assert.Equal(new HerokuError(null, null, null, null), HerokuJson.ParseError(body));
    }

    [Theory]
    [InlineData("""{"type":"worker"}""")]
    [InlineData("""[{"type":"worker"}]""")]
    [InlineData("""[{"quantity":1}]""")]
    [InlineData("not json")]
    public void ParseFormation_NotAFormationList_Throws(string body)
    {
        Assert.Throws<FormatException>(() => HerokuJson.ParseFormation(body));
    }
}
