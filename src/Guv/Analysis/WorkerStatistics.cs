namespace Guv.Analysis;

/// <summary>Boot, startup, shutdown and uptime statistics of one process type's dynos.</summary>
/// <param name="Type">The process type.</param>
/// <param name="Runs">Dyno runs seen.</param>
/// <param name="Boot">Seconds from scale request to ready.</param>
/// <param name="Startup">Seconds from process start to ready.</param>
/// <param name="Shutdown">Seconds from SIGTERM to exit.</param>
/// <param name="Uptime">Seconds from process start to exit (billed).</param>
/// <param name="BootingShare">Share of billed time before the worker was ready, over runs with both; null without any.</param>
public sealed record WorkerStatistics(
    string Type,
    int Runs,
    Summary Boot,
    Summary Startup,
    Summary Shutdown,
    Summary Uptime,
    double? BootingShare)
{
    /// <summary>Statistics per process type, in name order.</summary>
    public static IReadOnlyList<WorkerStatistics> Of(IEnumerable<DynoLife> lives) =>
        lives.GroupBy(l => l.Type, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var complete = g.Where(l => l.Startup is not null && l.Uptime is > 0).ToList();
                var billed = complete.Sum(l => l.Uptime!.Value);
                return new WorkerStatistics(g.Key, g.Count(),
                    Summary.Of(g.Select(l => l.Boot)),
                    Summary.Of(g.Select(l => l.Startup)),
                    Summary.Of(g.Select(l => l.Shutdown)),
                    Summary.Of(g.Select(l => l.Uptime)),
                    billed > 0 ? complete.Sum(l => l.Startup!.Value) / billed : null);
            })
            .ToList();
}
