using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Guv.Platforms.Local;

namespace Guv.IntegrationTests;

/// <summary>
/// <c>guv run</c> as a real process (the guv.dll built beside the tests), with its own folder, a free loopback
/// port, and every line it prints kept for the test to read.
/// </summary>
internal sealed class GuvProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private GuvProcess(Process process, string folder, Uri address)
    {
        _process = process;
        Folder = folder;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(10) };
    }

    public string Folder { get; }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>Everything guv printed so far, stdout and stderr.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts guv in <paramref name="folder"/> with the config and waits until it serves HTTP.</summary>
    public static async Task<GuvProcess> StartAsync(
        string folder,
        string config,
        IReadOnlyDictionary<string, string>? environment = null,
        params string[] arguments)
    {
        var configPath = Path.Combine(folder, "test.guv.yaml");
        await File.WriteAllTextAsync(configPath, config);
        var port = FreePort();
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "guv.dll"), "run", "--config", configPath,
                     "--listen", $"127.0.0.1:{port}", "--verbose" }.Concat(arguments))
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment.Remove("GUV_CONFIG");
        info.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info };
        var guv = new GuvProcess(process, folder, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => guv.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => guv.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await guv.WaitForHttpAsync();
        return guv;
    }

    public async Task<JsonNode> StateAsync() => JsonNode.Parse(await Http.GetStringAsync("api/state"))!;

    /// <summary>Polls <c>/api/state</c> until the condition holds; fails with guv's output after the timeout.</summary>
    public async Task<JsonNode> WaitForStateAsync(Func<JsonNode, bool> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var state = await StateAsync();
            if (condition(state))
            {
                return state;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{what} did not happen within {timeout.TotalSeconds} s; last state: "
                    + $"{state.ToJsonString()}\nguv printed:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Kills guv with SIGKILL, as a crash or the OOM killer would: no cleanup, its workers left running.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>Stops guv with SIGTERM, as an operator would, and waits for it to exit.</summary>
    public async Task<int> StopAsync()
    {
        if (!_process.HasExited)
        {
            PosixSignals.Terminate(_process.Id);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
        Http.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitForHttpAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"guv exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("healthz");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
