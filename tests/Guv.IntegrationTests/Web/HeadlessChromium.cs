using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guv.IntegrationTests.Web;

/// <summary>
/// Debian's Chromium, headless, driven through the DevTools protocol over a websocket: open a page, evaluate
/// script in it, take a screenshot. Only loopback pages; background networking is off so it calls nowhere else.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _profile;
    private readonly ClientWebSocket _socket = new();
    private int _nextId;

    private HeadlessChromium(Process process, string profile)
    {
        _process = process;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync(string program, CancellationToken cancellationToken)
    {
        var profile = Directory.CreateTempSubdirectory("guv-chromium-").FullName;
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--window-size=1366,900", "--remote-debugging-port=0",
                     $"--user-data-dir={profile}", "about:blank",
                 })
        {
            info.ArgumentList.Add(argument);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var browser = new HeadlessChromium(process, profile);
        try
        {
            await browser.ConnectAsync(cancellationToken);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }

        return browser;
    }

    public Task NavigateAsync(Uri url, CancellationToken cancellationToken) =>
        SendAsync("Page.navigate", new JsonObject { ["url"] = url.ToString() }, cancellationToken);

    /// <summary>Evaluates a script expression in the page and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true }, cancellationToken);
        if (result?["exceptionDetails"] is { } error)
        {
            throw new InvalidOperationException($"the page threw: {error.ToJsonString()}");
        }

        return result?["result"]?["value"];
    }

    public async Task ScreenshotAsync(string path, CancellationToken cancellationToken)
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" }, cancellationToken);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String(result!["data"]!.GetValue<string>()), cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile while it exits; a temp folder left behind does no harm.
        }
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var portFile = Path.Combine(_profile, "DevToolsActivePort");
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Chromium exited at start with code {_process.ExitCode}");
            }

            if (File.Exists(portFile) && (await File.ReadAllLinesAsync(portFile, cancellationToken)) is [var port, ..]
                && port.Length > 0)
            {
                var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancellationToken))!
                    .AsArray();
                var page = targets.FirstOrDefault(t => t?["type"]?.GetValue<string>() == "page");
                if (page?["webSocketDebuggerUrl"]?.GetValue<string>() is { } url)
                {
                    await _socket.ConnectAsync(new Uri(url), cancellationToken);
                    return;
                }
            }

            if (attempt > 200)
            {
                throw new TimeoutException("Chromium did not open its DevTools port within 20 s");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private async Task<JsonNode?> SendAsync(string method, JsonObject parameters, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true,
            cancellationToken);
        while (true)
        {
            var reply = JsonNode.Parse(await ReceiveAsync(cancellationToken));
            if (reply?["id"]?.GetValue<int>() != id)
            {
                continue; // an event, or the answer to an earlier call
            }

            if (reply["error"] is { } error)
            {
                throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
            }

            return reply["result"];
        }
    }

    private async Task<string> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, cancellationToken);
            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return Encoding.UTF8.GetString(message.ToArray());
    }
}
