using System.Diagnostics;

namespace Guv.Cli.Demo;

/// <summary>
/// The RabbitMQ the demo runs on: the one answering on 127.0.0.1 if there is one, else a throwaway broker started
/// with the repository's <c>scripts/services/rabbitmq.sh</c> and stopped again at the end.
/// </summary>
internal sealed class DemoBroker
{
    public const string Url = "amqp://guest:guest@127.0.0.1:5672/";
    private const string ManagementUrl = "http://127.0.0.1:15672/api/overview";

    private string? _script;

    public bool StartedHere => _script is not null;

    public async Task EnsureRunningAsync(Action<string> progress, CancellationToken cancellationToken)
    {
        if (await AnswersAsync(cancellationToken))
        {
            progress("using the RabbitMQ already running on 127.0.0.1:5672");
            return;
        }

        var script = FindScript() ?? throw new UserError(
            "no RabbitMQ answers on 127.0.0.1:15672 and scripts/services/rabbitmq.sh was not found; "
            + "run the demo from a checkout with ./guv demo, or start RabbitMQ with its management plugin");
        progress("starting a throwaway RabbitMQ on 127.0.0.1 (about 10 s)...");
        var code = await RunScriptAsync(script, "start", cancellationToken);
        if (code != 0)
        {
            throw new UserError($"RabbitMQ did not start (scripts/services/rabbitmq.sh start exited {code}); see its messages above");
        }

        _script = script;
    }

    public async Task StopIfStartedAsync()
    {
        if (_script is not null)
        {
            await RunScriptAsync(_script, "stop", CancellationToken.None);
            _script = null;
        }
    }

    private static async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        using var request = new HttpRequestMessage(HttpMethod.Get, ManagementUrl);
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", "Z3Vlc3Q6Z3Vlc3Q=");
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static string? FindScript()
    {
        var roots = new[] { Environment.GetEnvironmentVariable("GUV_HOME"), AppContext.BaseDirectory, Environment.CurrentDirectory };
        foreach (var root in roots.Where(r => !string.IsNullOrEmpty(r)))
        {
            for (var dir = new DirectoryInfo(root!); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "scripts", "services", "rabbitmq.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static async Task<int> RunScriptAsync(string script, string verb, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo(script) { UseShellExecute = false, RedirectStandardOutput = true };
        info.ArgumentList.Add(verb);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        foreach (var line in (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            await Console.Error.WriteLineAsync($"  {line}");
        }

        return process.ExitCode;
    }
}
