using System.Globalization;
using System.Text;
using System.Text.Json;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace Guv.ExampleWorker;

/// <summary>Consumes one queue until told to stop, then finishes the jobs in hand.</summary>
internal sealed class QueueWorker(WorkerSettings settings) : IDisposable
{
    private readonly SemaphoreSlim _channelGate = new(1, 1);
    private int _inFlight;
    private int _done;

    public async Task<int> RunAsync(CancellationToken stop)
    {
        if (settings.BootSeconds > 0)
        {
            // Stands in for a real worker's start-up (loading a model, warming caches): guv's 'boot'.
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(settings.BootSeconds), stop);
            }
            catch (OperationCanceledException)
            {
                return 0;
            }
        }

        var factory = new ConnectionFactory
        {
            Uri = new Uri(settings.Broker),
            ConsumerDispatchConcurrency = (ushort)settings.Concurrency,
            ClientProvidedName = "guv-example-worker",
        };
        await using var connection = await factory.CreateConnectionAsync(CancellationToken.None);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: CancellationToken.None);
        await channel.QueueDeclareAsync(settings.Queue, durable: true, exclusive: false, autoDelete: false,
            cancellationToken: stop);
        await channel.BasicQosAsync(0, (ushort)settings.Concurrency, global: false, stop);

        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => WorkAsync(channel, delivery);
        var tag = await channel.BasicConsumeAsync(settings.Queue, autoAck: false, consumer, stop);
        Console.WriteLine($"consuming '{settings.Queue}' with prefetch {settings.Concurrency}");

        try
        {
            await Task.Delay(Timeout.Infinite, stop);
        }
        catch (OperationCanceledException)
        {
            // SIGTERM: take no new jobs, finish the ones in hand.
        }

        await channel.BasicCancelAsync(tag, cancellationToken: CancellationToken.None);
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(50, CancellationToken.None);
        }

        Console.WriteLine($"stopped after {_done} jobs");
        await channel.CloseAsync(CancellationToken.None);
        return 0;
    }

    public void Dispose() => _channelGate.Dispose();

    private async Task WorkAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            var started = DateTimeOffset.UtcNow;
            var job = Job.Parse(delivery.Body.Span, settings.DefaultJobSeconds);
            await Task.Delay(TimeSpan.FromSeconds(job.Seconds));
            var finished = DateTimeOffset.UtcNow;
            await _channelGate.WaitAsync();
            try
            {
                if (delivery.BasicProperties.ReplyTo is { Length: > 0 } replyTo)
                {
                    var reply = JsonSerializer.SerializeToUtf8Bytes(new
                    {
                        id = job.Id ?? delivery.BasicProperties.CorrelationId,
                        started = started.ToUnixTimeMilliseconds(),
                        finished = finished.ToUnixTimeMilliseconds(),
                    });
                    var properties = new BasicProperties { CorrelationId = delivery.BasicProperties.CorrelationId };
                    await channel.BasicPublishAsync("", replyTo, mandatory: false, properties, reply);
                }

                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            }
            finally
            {
                _channelGate.Release();
            }

            Interlocked.Increment(ref _done);
            if (settings.Verbose)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job {job.Id} done in {job.Seconds:0.###} s"));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private sealed record Job(string? Id, double Seconds)
    {
        /// <summary>Reads <c>{"id": "...", "seconds": 1.5}</c> or a plain number of seconds; anything else takes the default.</summary>
        public static Job Parse(ReadOnlySpan<byte> body, double defaultSeconds)
        {
            var text = Encoding.UTF8.GetString(body).Trim();
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var plain) && plain >= 0)
            {
                return new Job(null, Math.Min(plain, 3600));
            }

            try
            {
                using var json = JsonDocument.Parse(text);
                var root = json.RootElement;
                var id = root.TryGetProperty("id", out var i) ? i.ToString() : null;
                var seconds = root.TryGetProperty("seconds", out var s) && s.TryGetDouble(out var v) && v >= 0
                    ? Math.Min(v, 3600)
                    : defaultSeconds;
                return new Job(id, seconds);
            }
            catch (JsonException)
            {
                return new Job(null, defaultSeconds);
            }
        }
    }
}
