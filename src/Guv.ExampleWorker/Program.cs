// guv's example worker: consumes a queue with prefetch = concurrency, works on each job for the seconds the
// message asks for (or GUV_JOB_SECONDS), acknowledges it, and replies to the message's reply-to queue when it has
// one, so the demo can measure each job's latency. On SIGTERM it stops taking jobs, finishes the ones it has and
// exits 0: what guv's local platform expects of a well-behaved worker.
using System.Globalization;
using System.Runtime.InteropServices;
using Guv.ExampleWorker;

var settings = WorkerSettings.FromEnvironment(Environment.GetEnvironmentVariable, args);
if (settings.Error is { } error)
{
    await Console.Error.WriteLineAsync($"guv-example-worker: {error}");
    return 1;
}

using var stop = new CancellationTokenSource();
using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    context.Cancel = true;
    stop.Cancel();
});
using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
{
    context.Cancel = true;
    stop.Cancel();
});

try
{
    using var worker = new QueueWorker(settings);
    return await worker.RunAsync(stop.Token);
}
catch (OperationCanceledException)
{
    return 0;
}
catch (Exception e) when (e is RabbitMQ.Client.Exceptions.BrokerUnreachableException
                              or RabbitMQ.Client.Exceptions.OperationInterruptedException)
{
    await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
        $"guv-example-worker: cannot use the broker at {settings.RedactedBroker}: {e.Message}")
        + (e.InnerException is { } inner ? $" ({inner.Message})" : ""));
    return 1;
}
