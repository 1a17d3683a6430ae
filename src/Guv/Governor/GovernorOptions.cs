namespace Guv.Governor;

/// <summary>How the governor runs.</summary>
public sealed record GovernorOptions
{
    /// <summary>Decide and log, but change no workers. Default false.</summary>
    public bool DryRun { get; init; }

    /// <summary>
    /// Share of the poll interval one tick may spend reading and scaling before it gives up on what is still
    /// outstanding, so a slow dependency cannot delay the next tick. Default 0.8.
    /// </summary>
    public double TickBudgetShare { get; init; } = 0.8;

    /// <summary>
    /// Asked every tick after deciding and before applying (with the tick's time budget): false makes the tick change
    /// no workers, as a standby does while another guv holds the leader lease (issue #6). Default null: always apply.
    /// </summary>
    public Func<CancellationToken, Task<bool>>? MayApply { get; init; }
}
