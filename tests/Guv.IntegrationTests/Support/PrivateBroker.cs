using System.Diagnostics;

namespace Guv.IntegrationTests.Support;

/// <summary>
/// A RabbitMQ of a test's own, on its own loopback ports and folder, started and stopped with the repository's
/// scripts/services/rabbitmq.sh: for tests that stop the broker, which must not disturb the shared one.
/// </summary>
internal sealed class PrivateBroker(int port, int managementPort) : IAsyncDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), $"guv-rabbitmq-test-{port}");

    public string Url => $"amqp://guest:guest@127.0.0.1:{port}/";

    public string Management => $"http://127.0.0.1:{managementPort}/";

    public Task StartAsync() => RunAsync("start");

    public Task StopAsync() => RunAsync("stop");

    public async ValueTask DisposeAsync() => await RunAsync("stop");

    private async Task RunAsync(string verb)
    {
        var info = new ProcessStartInfo(Script())
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(verb);
        info.Environment["GUV_RABBITMQ_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["GUV_RABBITMQ_MGMT_PORT"] = managementPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        info.Environment["GUV_RABBITMQ_DIR"] = _dir;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await process.WaitForExitAsync(limit.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmq.sh {verb} failed: {await output}{await errors}");
        }
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scripts", "services", "rabbitmq.sh");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("scripts/services/rabbitmq.sh not found above the test's folder");
    }
}
