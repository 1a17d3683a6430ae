namespace Guv.Analysis;

/// <summary>One run of one dyno as its Heroku log lines tell it; times it did not log are null.</summary>
/// <param name="Dyno">The dyno's name, such as <c>worker.3</c>.</param>
/// <param name="Requested">When a scale request asked for this dyno (the last one raising the count to include it).</param>
/// <param name="Starting">"Starting process with command ...": billing starts.</param>
/// <param name="Started">The first app line matching <c>--started</c>: the worker takes jobs.</param>
/// <param name="Stopping">"Stopping all processes with SIGTERM".</param>
/// <param name="Exited">"Process exited with status N": billing ends.</param>
public sealed record DynoLife(
    string Dyno,
    DateTimeOffset? Requested,
    DateTimeOffset Starting,
    DateTimeOffset? Started,
    DateTimeOffset? Stopping,
    DateTimeOffset? Exited)
{
    /// <summary>The process type: the dyno name before the dot.</summary>
    public string Type => Dyno.Split('.')[0];

    /// <summary>Seconds from the scale request until the worker takes jobs: what guv's <c>boot</c> key means.</summary>
    public double? Boot => Requested is { } r && Started is { } s && s >= r ? (s - r).TotalSeconds : null;

    /// <summary>Seconds from process start until the worker takes jobs.</summary>
    public double? Startup => Started is { } s ? (s - Starting).TotalSeconds : null;

    /// <summary>Seconds from SIGTERM until the process exited.</summary>
    public double? Shutdown => Stopping is { } s && Exited is { } e ? (e - s).TotalSeconds : null;

    /// <summary>Seconds from process start until exit: the billed time.</summary>
    public double? Uptime => Exited is { } e ? (e - Starting).TotalSeconds : null;
}
