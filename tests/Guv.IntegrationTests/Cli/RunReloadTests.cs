using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Guv.IntegrationTests.Cli;

/// <summary>
/// <c>guv run</c> as a process against a real RabbitMQ, with local workers: a saved config applies at the next tick,
/// an invalid one is logged with the validate messages while the old one keeps running, and SIGHUP reloads.
/// </summary>
public sealed class RunReloadTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-reload-").FullName;
    private readonly string _role = $"reload{Guid.NewGuid():N}"[..14];
    private readonly ConcurrentQueue<string> _log = new();
    private Process? _guv;

    private string ConfigPath => Path.Combine(_folder, "w.guv.yaml");

    public void Dispose()
    {
        if (_guv is { HasExited: false })
        {
            _guv.Kill(entireProcessTree: true);
        }

        _guv?.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Run_ConfigSaved_AppliesValidChangesAndKeepsTheOldConfigOnInvalidOnes()
    {
        var (broker, management) = RabbitMq();
        using var http = Management(management);
        using (var declared = await http.PutAsync($"api/queues/%2F/{_role}", Json("{\"durable\": false}")))
        {
            declared.EnsureSuccessStatusCode();
        }

        try
        {
            await ScaleThroughReloads(broker, management);
        }
        finally
        {
            (await http.DeleteAsync($"api/queues/%2F/{_role}")).Dispose();
        }
    }

    private async Task ScaleThroughReloads(string broker, string management)
    {
        var defaults = $"'*': {{platform: local, broker: '{broker}', management: '{management}', pollinterval: 1, "
            + "stop_timeout: 2, history: 1}\n";
        File.WriteAllText(ConfigPath, defaults + $"{_role}: {{command: /bin/sleep 300, min: 1, max: 3}}\n");
        Start();
        await WaitFor($"scaled {_role}: 0 jobs, 0 -> 1 workers");

        File.WriteAllText(ConfigPath, defaults + $"{_role}: {{command: /bin/sleep 300, min: 5, max: 2}}\n");
        await WaitFor($"config reload (the config file changed) rejected: {ConfigPath}:2:");
        await WaitFor("minimum 5 is above maximum 2. Lower minimum or raise maximum so that minimum <= maximum.");
        await WaitFor("keeping the config in force");

        File.WriteAllText(ConfigPath, defaults + $"{_role}: {{command: /bin/sleep 300, min: 2, max: 3}}\n");
        await WaitFor($"config reloaded (the config file changed) from {ConfigPath}: 1 roles");
        await WaitFor($"scaled {_role}: 0 jobs, 1 -> 2 workers");

        File.WriteAllText(ConfigPath, defaults + $"{_role}: {{command: /bin/sleep 300, min: 1, max: 1}}\n");
        await Signal("HUP");
        await WaitFor($"scaled {_role}: 0 jobs, 2 -> 1 workers");

        await Signal("TERM");
        Assert.True(_guv!.WaitForExit(Patience), "guv did not stop after SIGTERM");
        Assert.Equal(0, _guv.ExitCode);
    }

    private static (string Broker, string Management) RabbitMq()
    {
        var broker = Environment.GetEnvironmentVariable("GUV_TEST_BROKER");
        var management = Environment.GetEnvironmentVariable("GUV_RABBITMQ_MGMT_URL");
        if (string.IsNullOrEmpty(broker) || string.IsNullOrEmpty(management))
        {
            Assert.Fail("this test needs RabbitMQ: run scripts/test, which starts one and sets GUV_TEST_BROKER and "
                + "GUV_RABBITMQ_MGMT_URL");
        }

        return (broker, management);
    }

    private static HttpClient Management(string url)
    {
        var http = new HttpClient { BaseAddress = new Uri(url) };
        http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("guest:guest")));
        return http;
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    private void Start()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "guv.dll"), "run", "--config", ConfigPath })
        {
            start.ArgumentList.Add(arg);
        }

        _guv = Process.Start(start)!;
        _guv.OutputDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _guv.ErrorDataReceived += (_, e) => _log.Enqueue(e.Data ?? "");
        _guv.BeginOutputReadLine();
        _guv.BeginErrorReadLine();
    }

    private async Task Signal(string name)
    {
        var pid = _guv!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var kill = Process.Start("kill", [$"-{name}", pid]);
        await kill.WaitForExitAsync();
    }

    private async Task WaitFor(string text)
    {
        var watch = Stopwatch.StartNew();
        while (!_log.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (watch.Elapsed > Patience || _guv!.HasExited)
            {
                Assert.Fail($"guv never logged '{text}'; its log:\n{string.Join('\n', _log)}");
            }

            await Task.Delay(100);
        }
    }
}
