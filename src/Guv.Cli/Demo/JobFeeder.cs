using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Guv.Cli.Demo;

/// <summary>
/// Publishes the demo's jobs on schedule and hears back from the example worker when each is done, so every job's
/// latency is measured end to end, from publish to finish.
/// </summary>
internal sealed class JobFeeder(string broker, string queue, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<long, DateTimeOffset> _published = new();
    private readonly ConcurrentBag<double> _latencies = [];
    private IConnection? _connection;
    private IChannel? _publish;
    private IChannel? _replies;
    private string _replyQueue = "";

    public int Published => _published.Count + _latencies.Count;

    public int Done => _latencies.Count;

    public IReadOnlyCollection<double> Latencies => _latencies;

    public async Task OpenAsync(CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory { Uri = new Uri(broker), ClientProvidedName = "guv-demo" };
        _connection = await factory.CreateConnectionAsync(cancellationToken);
        _publish = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await _publish.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: cancellationToken);
        await _publish.QueuePurgeAsync(queue, cancellationToken);

        _replies = await _connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var declared = await _replies.QueueDeclareAsync("", durable: false, exclusive: true, autoDelete: true,
            cancellationToken: cancellationToken);
        _replyQueue = declared.QueueName;
        var consumer = new AsyncEventingBasicConsumer(_replies);
        consumer.ReceivedAsync += (_, delivery) =>
        {
            Record(delivery.Body.Span);
            return Task.CompletedTask;
        };
        await _replies.BasicConsumeAsync(_replyQueue, autoAck: true, consumer, cancellationToken);
    }

    public async Task PublishAsync(long id, double seconds, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":{{id}},"seconds":{{seconds:0.###}}}"""));
        var properties = new BasicProperties
        {
            ReplyTo = _replyQueue,
            CorrelationId = id.ToString(CultureInfo.InvariantCulture),
            DeliveryMode = DeliveryModes.Transient,
        };
        _published[id] = time.GetUtcNow();
        await _publish!.BasicPublishAsync("", queue, mandatory: false, properties, body, cancellationToken);
    }

    /// <summary>Deletes the demo's queue; the reply queue goes with the connection.</summary>
    public async Task DeleteQueueAsync()
    {
        if (_publish is { IsOpen: true })
        {
            await _publish.QueueDeleteAsync(queue, ifUnused: false, ifEmpty: false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var disposable in new IAsyncDisposable?[] { _replies, _publish, _connection })
        {
            if (disposable is not null)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    private void Record(ReadOnlySpan<byte> reply)
    {
        try
        {
            using var json = JsonDocument.Parse(reply.ToArray());
            var id = long.Parse(json.RootElement.GetProperty("id").ToString(), CultureInfo.InvariantCulture);
            if (_published.TryRemove(id, out var publishedAt))
            {
                _latencies.Add((time.GetUtcNow() - publishedAt).TotalSeconds);
            }
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            // A reply that is not the example worker's is not a finished demo job; ignore it.
        }
    }
}
