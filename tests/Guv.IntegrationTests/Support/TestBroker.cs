using System.Text;
using RabbitMQ.Client;

namespace Guv.IntegrationTests.Support;

/// <summary>The real RabbitMQ that scripts/test starts on loopback, and helpers to use it from tests.</summary>
internal static class TestBroker
{
    /// <summary>The broker URL; fails the test (never skips it) when no broker was started.</summary>
    public static string Url =>
        Environment.GetEnvironmentVariable("GUV_TEST_BROKER") is { Length: > 0 } url ? url
        : Environment.GetEnvironmentVariable("GUV_BROKER") is { Length: > 0 } fallback ? fallback
        : throw new InvalidOperationException(
            "no test broker: run the tests with scripts/test, which starts RabbitMQ on 127.0.0.1 and sets GUV_TEST_BROKER");

    /// <summary>A queue name no other test uses.</summary>
    public static string UniqueQueue(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(60, prefix.Length + 33)];

    /// <summary>Declares a queue (as the example worker does) and publishes jobs of the given seconds each.</summary>
    public static async Task PublishAsync(string queue, int jobs, double seconds)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < jobs; i++)
        {
            var body = Encoding.UTF8.GetBytes(seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await channel.BasicPublishAsync("", queue, body);
        }
    }

    public static async Task DeleteQueueAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(Url) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
    }
}
