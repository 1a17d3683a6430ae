using System.Globalization;
using System.Text.RegularExpressions;

namespace Guv.ExampleWorker;

/// <summary>The worker's settings, from the environment guv's local platform sets.</summary>
internal sealed record WorkerSettings(
    string Broker,
    string Queue,
    int Concurrency,
    double DefaultJobSeconds,
    double BootSeconds,
    bool Verbose,
    string? Error)
{
    public string RedactedBroker => Regex.Replace(Broker, @"(?<=://[^:/@\s]*:)[^@\s]*(?=@)", "***");

    /// <summary>Reads the environment; <c>--boot S</c> and <c>--job-seconds S</c> on the command line win over it.</summary>
    public static WorkerSettings FromEnvironment(Func<string, string?> env, IReadOnlyList<string> args)
    {
        string? Argument(string name)
        {
            var at = args.ToList().IndexOf(name);
            return at >= 0 && at + 1 < args.Count ? args[at + 1] : null;
        }

        var broker = env("GUV_BROKER") ?? "";
        var queue = env("GUV_QUEUE") ?? env("GUV_ROLE") ?? "";
        string? error = null;
        if (broker.Length == 0)
        {
            error = "GUV_BROKER is not set; set it to the broker's amqp:// URL";
        }
        else if (queue.Length == 0)
        {
            error = "neither GUV_QUEUE nor GUV_ROLE is set; set one to the queue to consume";
        }

        var concurrency = Number(env("GUV_CONCURRENCY"), 1, ref error, "GUV_CONCURRENCY");
        var jobSeconds = Number(Argument("--job-seconds") ?? env("GUV_JOB_SECONDS"), 1, ref error, "GUV_JOB_SECONDS");
        var boot = Number(Argument("--boot") ?? env("GUV_BOOT_SECONDS"), 0, ref error, "GUV_BOOT_SECONDS");
        return new WorkerSettings(broker, queue, Math.Max(1, (int)concurrency), jobSeconds, boot,
            env("GUV_VERBOSE") is "1" or "true", error);
    }

    private static double Number(string? text, double fallback, ref string? error, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return value;
        }

        error ??= $"{name} must be a number of at least 0, got '{text}'";
        return fallback;
    }
}
