namespace Guv.IntegrationTests;

/// <summary>
/// The real servers the tests use, from the variables <c>scripts/test</c> exports. A missing one fails the test
/// with a message saying how to get it: never a silent skip.
/// </summary>
internal static class TestServices
{
    /// <summary>The AMQP URL of the test broker.</summary>
    public static string Broker => Require("GUV_TEST_BROKER", "GUV_BROKER", "RabbitMQ");

    /// <summary>The broker's management API, when it is not on the default port.</summary>
    public static string? Management => Environment.GetEnvironmentVariable("GUV_RABBITMQ_MGMT_URL") is { Length: > 0 } url
        ? url
        : null;

    /// <summary>The Chromium program.</summary>
    public static string Chromium => Require("GUV_CHROMIUM", null, "Chromium");

    /// <summary>A <c>postgres://</c> URL of a database the tests may write to.</summary>
    public static string Postgres => Require("GUV_TEST_POSTGRES", null, "PostgreSQL");

    private static string Require(string name, string? fallback, string service)
    {
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(value) && fallback is not null)
        {
            value = Environment.GetEnvironmentVariable(fallback);
        }

        return string.IsNullOrEmpty(value)
            ? throw new InvalidOperationException(
                $"{service} is needed by this test but {name} is not set: run the tests with scripts/test, which "
                + $"installs and starts {service} (scripts/services/) and exports {name}")
            : value;
    }
}
