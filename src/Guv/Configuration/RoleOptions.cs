namespace Guv.Configuration;

/// <summary>
/// The settings of one worker role after inheritance from <c>'*'</c>, shorthands and defaults are resolved.
/// Defaults are those of guv 0.3 so existing <c>*.guv.yaml</c> files keep their meaning.
/// </summary>
public sealed record RoleOptions
{
    /// <summary>Heroku's Platform API.</summary>
    public const string DefaultHerokuApi = "https://api.heroku.com";

    /// <summary>The role's name: its top-level key in the config.</summary>
    public required string Name { get; init; }

    /// <summary>Mean job processing time in seconds. Default 10.</summary>
    public double Processing { get; init; } = 10;

    /// <summary>One standard deviation of the processing time in seconds. Default: half of <see cref="Processing"/>.</summary>
    public double Stddev { get; init; } = 5;

    /// <summary>Seconds within which practically all jobs should be done, from arrival. Default 60.</summary>
    public double Deadline { get; init; } = 60;

    /// <summary>Share of jobs (percent) that should meet the deadline. Default 99.</summary>
    public double Percentile { get; init; } = 99;

    /// <summary>Explicit target time in seconds, overriding the one derived from deadline and spread. Default: derived.</summary>
    public double? Target { get; init; }

    /// <summary>Seconds from requesting a worker until it takes jobs. Default 30.</summary>
    public double Boot { get; init; } = 30;

    /// <summary>Jobs one worker processes at once (its AMQP prefetch). Default 1.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>Fewest workers. Default 1.</summary>
    public int Minimum { get; init; } = 1;

    /// <summary>Most workers (the budget). Default 5.</summary>
    public int Maximum { get; init; } = 5;

    /// <summary>The worker's name on its platform (Heroku process type, local role). Default: the role name.</summary>
    public required string Worker { get; init; }

    /// <summary>The queue the role's workers consume. Default: the role name.</summary>
    public required string Queue { get; init; }

    /// <summary>The Heroku app (or other platform grouping). Default: env <c>GUV_APP</c>.</summary>
    public string? App { get; init; }

    /// <summary>AMQP URL of the broker. Default: env <c>GUV_BROKER</c>, else <c>CLOUDAMQP_URL</c>.</summary>
    public string? Broker { get; init; }

    /// <summary>Management API base URL. Default: derived from <see cref="Broker"/>.</summary>
    public string? Management { get; init; }

    /// <summary>Heroku API key. Default: env <c>HEROKU_API_KEY</c>.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Where <see cref="ApiKey"/> came from, for error messages that must never show the key itself.</summary>
    public string? ApiKeySource { get; init; }

    /// <summary>Heroku dyno size, used for cost. Default <c>standard-1x</c>.</summary>
    public string DynoSize { get; init; } = "standard-1x";

    /// <summary>US dollars one worker costs per hour, overriding the dyno size's list price. Default: none.</summary>
    public double? Cost { get; init; }

    /// <summary>True when the config wrote <c>dynosize</c>: then Heroku scale requests also set the size.</summary>
    public bool DynoSizeSet { get; init; }

    /// <summary>For <c>heroku</c>: the Platform API base URL. Default: env <c>GUV_HEROKU_API</c>, else Heroku's.</summary>
    public string HerokuApi { get; init; } = DefaultHerokuApi;

    /// <summary>For <c>kubernetes</c>: the kubeconfig file. Default: in-cluster config, else the usual kubeconfig.</summary>
    public string? KubeConfig { get; init; }

    /// <summary>For <c>kubernetes</c>: the kubeconfig context. Default: the file's current context.</summary>
    public string? KubeContext { get; init; }

    /// <summary>For <c>kubernetes</c>: the workers' namespace. Default: the context's namespace, else <c>default</c>.</summary>
    public string? Namespace { get; init; }

    /// <summary>For <c>kubernetes</c>: <c>deployment</c> (default) or <c>statefulset</c>.</summary>
    public string Kind { get; init; } = WorkloadKinds.Deployment;

    /// <summary>Seconds between polls. Default 30. The governor ticks at the <c>'*'</c> value.</summary>
    public double PollInterval { get; init; } = 30;

    /// <summary>Seconds of estimates considered before scaling down. Default 120.</summary>
    public double History { get; init; } = 120;

    /// <summary>Where the workers run: <c>heroku</c> (default, as in guv 0.3) or <c>local</c>.</summary>
    public string Platform { get; init; } = PlatformNames.Heroku;

    /// <summary>For <c>local</c>: the worker's command line, run without a shell.</summary>
    public string? Command { get; init; }

    /// <summary>
    /// For <c>local</c>: true runs <see cref="Command"/> with <c>/bin/sh -c</c>, so pipes, <c>;</c> and
    /// <c>$VARIABLES</c> work. Default false: the command is split into words and run without a shell.
    /// </summary>
    public bool Shell { get; init; }

    /// <summary>
    /// A PEM file of CA certificates that guv's HTTPS connections trust besides the system's (issue #6). Default:
    /// env <c>GUV_CA_FILE</c>. Verification is never turned off.
    /// </summary>
    public string? CaFile { get; init; }

    /// <summary>For <c>local</c>: seconds a stopping worker gets after SIGTERM before SIGKILL. Default 30.</summary>
    public double StopTimeout { get; init; } = 30;

    /// <summary>The scaling policy. Default <c>classic</c>, guv 0.3's model.</summary>
    public string Policy { get; init; } = "classic";

    /// <summary>
    /// For the <c>hpa</c> policy: jobs per worker, KEDA's QueueLength <c>value</c>. Default:
    /// <c>(deadline - processing) / processing * concurrency</c>.
    /// </summary>
    public double? Value { get; init; }

    /// <summary>
    /// What to do while the role's queue cannot be read: <c>hold</c> (default) keeps the current count;
    /// <c>fallback</c> raises it to <see cref="Fallback"/> after <see cref="Failures"/> failed reads. Neither ever
    /// scales down: dropping workers while blind is what breaks deadlines.
    /// </summary>
    public string OnError { get; init; } = ErrorModes.Hold;

    /// <summary>For <c>on_error: fallback</c>: the workers to have at least. Default: none.</summary>
    public int? Fallback { get; init; }

    /// <summary>Consecutive failed reads before the fallback applies. Default 3.</summary>
    public int Failures { get; init; } = 3;

    /// <summary>statuspage.io page id. Default: env <c>STATUSPAGE_ID</c>.</summary>
    public string? StatusPage { get; init; }

    /// <summary>statuspage.io metric id of this role.</summary>
    public string? Metric { get; init; }
}
