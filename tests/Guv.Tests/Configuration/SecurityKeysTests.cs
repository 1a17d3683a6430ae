using Guv.Configuration;

namespace Guv.Tests.Configuration;

/// <summary>The keys of issue #6's security items: <c>shell</c> and <c>ca_file</c>.</summary>
public sealed class SecurityKeysTests
{
    [Theory]
    [InlineData("", false)]
    [InlineData(", shell: false", false)]
    [InlineData(", shell: true", true)]
    public void Shell_DefaultsToFalse(string written, bool expected)
    {
        var config = Load($"w: {{platform: local, command: ./work{written}}}");

        Assert.Equal(expected, config.Roles[0].Shell);
    }

    [Fact]
    public void Shell_NotABoolean_IsAProblemNamingTheKey()
    {
        var error = Assert.Throws<ConfigException>(() => Load("w: {platform: local, command: ./work, shell: maybe}"));

        var problem = Assert.Single(error.Problems);
        Assert.Equal("shell", problem.Key);
        Assert.Contains("true or false", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CaFile_FromTheConfig_ElseFromGuvCaFile()
    {
        var environment = new Dictionary<string, string> { ["GUV_CA_FILE"] = "/etc/env-ca.pem" };

        var config = Load("'*': {ca_file: /etc/own-ca.pem}\na: {}\nb: {ca_file: /etc/b-ca.pem}", environment);
        var fromEnvironment = Load("a: {}", environment);

        Assert.Equal(["/etc/own-ca.pem", "/etc/b-ca.pem"], config.Roles.Select(r => r.CaFile));
        Assert.Equal("/etc/env-ca.pem", fromEnvironment.Roles[0].CaFile);
    }

    private static GuvConfig Load(string yaml, Dictionary<string, string>? environment = null) =>
        new ConfigLoader(name => environment?.GetValueOrDefault(name)).Load(yaml, "test.guv.yaml");
}
