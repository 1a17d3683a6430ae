using System.Diagnostics;

namespace Guv.Tests.Support;

/// <summary>Runs the real guv command line as a child process, as a user would, and collects what it printed.</summary>
internal static class GuvProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Process Start(IEnumerable<string> args, IDictionary<string, string?>? environment = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "guv.dll"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Tests must not pick up a config or broker from the developer's shell.
        foreach (var name in new[] { "GUV_CONFIG", "GUV_BROKER", "CLOUDAMQP_URL", "GUV_APP", "HEROKU_API_KEY" })
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            info.Environment[name] = value;
        }

        return Process.Start(info)!;
    }

    public static async Task<Result> RunAsync(
        IEnumerable<string> args,
        IDictionary<string, string?>? environment = null,
        TimeSpan? timeout = null)
    {
        using var process = Start(args, environment);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"guv {string.Join(' ', args)} did not exit in time");
        }

        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
