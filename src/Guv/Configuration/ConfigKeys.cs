namespace Guv.Configuration;

/// <summary>Every key a role may set: guv 0.3's keys with their shorthands, then guv's own.</summary>
public static class ConfigKeys
{
    /// <summary>The keys in documentation order.</summary>
    public static readonly IReadOnlyList<ConfigKey> All =
    [
        new("processing", "p", ConfigValueKind.Seconds, "mean job processing time, s (default 10)"),
        new("stddev", null, ConfigValueKind.Seconds, "standard deviation of processing time, s (default half of processing)"),
        new("deadline", "d", ConfigValueKind.Seconds, "time practically all jobs should be done within, s (default 60)"),
        new("percentile", null, ConfigValueKind.Percent, "share of jobs (%) that should meet the deadline (default 99)"),
        new("target", null, ConfigValueKind.Seconds, "override of the calculated target time, s"),
        new("boot", null, ConfigValueKind.Seconds, "seconds from requesting a worker until it takes jobs (default 30)"),
        new("concurrency", null, ConfigValueKind.Count, "jobs a worker processes at once (default 1)"),
        new("minimum", "min", ConfigValueKind.Count, "fewest workers (default 1)"),
        new("maximum", "max", ConfigValueKind.Count, "most workers (default 5)"),
        new("worker", "w", ConfigValueKind.Text, "process type or worker name (default: the role name)"),
        new("queue", "q", ConfigValueKind.Text, "queue name (default: the role name)"),
        new("app", null, ConfigValueKind.Text, "Heroku app (default: env GUV_APP)"),
        new("broker", null, ConfigValueKind.Text, "AMQP URL (default: env GUV_BROKER, else CLOUDAMQP_URL)"),
        new("management", null, ConfigValueKind.Text, "RabbitMQ management API URL (default: derived from broker)"),
        new("apikey", null, ConfigValueKind.Text, "Heroku API key (default: env HEROKU_API_KEY)"),
        new("dynosize", null, ConfigValueKind.Text, "Heroku dyno size, for cost (default standard-1x)"),
        new("cost", null, ConfigValueKind.Money, "US dollars per worker per hour (default: the dyno size's list price)"),
        new("pollinterval", null, ConfigValueKind.Seconds, "seconds between polls (default 30)"),
        new("history", null, ConfigValueKind.Seconds, "seconds of estimates considered before scaling down (default 120)"),
        new("statuspage", null, ConfigValueKind.Text, "statuspage.io page id (default: env STATUSPAGE_ID)"),
        new("metric", null, ConfigValueKind.Text, "statuspage.io metric id"),
        new("platform", null, ConfigValueKind.Text, "heroku (default), kubernetes or local"),
        new("heroku_api", null, ConfigValueKind.Text,
            "heroku platform: Platform API base URL (default: env GUV_HEROKU_API, else https://api.heroku.com)"),
        new("kubeconfig", null, ConfigValueKind.Text,
            "kubernetes platform: kubeconfig file (default: in-cluster config, else env KUBECONFIG, else ~/.kube/config)"),
        new("context", null, ConfigValueKind.Text, "kubernetes platform: kubeconfig context (default: its current context)"),
        new("namespace", null, ConfigValueKind.Text,
            "kubernetes platform: namespace of the workers (default: the context's, else 'default')"),
        new("kind", null, ConfigValueKind.Text, "kubernetes platform: deployment (default) or statefulset"),
        new("command", null, ConfigValueKind.Text, "local platform: the worker's command line"),
        new("stop_timeout", null, ConfigValueKind.Seconds, "local platform: seconds between SIGTERM and SIGKILL (default 30)"),
        new("shell", null, ConfigValueKind.Text,
            "local platform: true to run the command with /bin/sh -c (default false: no shell, no expansion)"),
        new("ca_file", null, ConfigValueKind.Text,
            "PEM file of a CA that guv's HTTPS connections trust besides the system's (default: env GUV_CA_FILE)"),
        new("policy", null, ConfigValueKind.Text, "scaling policy: classic (default), hpa or next"),
        new("value", null, ConfigValueKind.Seconds,
            "hpa policy: jobs per worker (default (deadline - processing) / processing * concurrency)"),
        new("on_error", null, ConfigValueKind.Text,
            "when the queue cannot be read: hold (default: keep the count) or fallback (raise to 'fallback')"),
        new("fallback", null, ConfigValueKind.Count, "workers to have at least after 'failures' failed reads"),
        new("failures", null, ConfigValueKind.Count, "consecutive failed reads before the fallback applies (default 3)"),
    ];

    private static readonly Dictionary<string, ConfigKey> ByName = BuildIndex();

    /// <summary>Finds a key by its name or shorthand.</summary>
    public static ConfigKey? Find(string nameOrShort) => ByName.GetValueOrDefault(nameOrShort);

    /// <summary>A typical value of a key, for messages that show how to write it.</summary>
    public static string Example(string name) => name switch
    {
        "processing" or "p" => "10",
        "stddev" => "5",
        "deadline" or "d" => "60",
        "percentile" => "99",
        "target" => "45",
        "boot" or "stop_timeout" or "pollinterval" => "30",
        "history" => "120",
        "concurrency" or "minimum" or "min" => "1",
        "maximum" or "max" => "5",
        "cost" => "0.05",
        _ => "<value>",
    };

    /// <summary>The known name closest to a misspelt one, or null when none is close.</summary>
    public static string? Suggest(string unknown)
    {
        var best = All
            .Select(k => (k.Name, Distance: EditDistance.Between(unknown.ToLowerInvariant(), k.Name)))
            .OrderBy(x => x.Distance)
            .First();
        return best.Distance <= Math.Max(2, unknown.Length / 3) ? best.Name : null;
    }

    private static Dictionary<string, ConfigKey> BuildIndex()
    {
        var index = new Dictionary<string, ConfigKey>(StringComparer.Ordinal);
        foreach (var key in All)
        {
            index[key.Name] = key;
            if (key.Shorthand is not null)
            {
                index[key.Shorthand] = key;
            }
        }

        return index;
    }
}
