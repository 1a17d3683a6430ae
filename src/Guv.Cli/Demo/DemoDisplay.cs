using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Guv.Cli.Demo;

/// <summary>What the live view shows at one moment.</summary>
internal sealed record DemoSnapshot(
    double Elapsed,
    double Length,
    int Jobs,
    int Workers,
    int Published,
    int Done,
    string LastDecision,
    IReadOnlyList<string> Log);

/// <summary>Renders the demo's live view: a table per role on a terminal, a plain line now and then elsewhere.</summary>
internal static class DemoDisplay
{
    public static IRenderable Render(DemoSnapshot s)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]guv demo[/]");
        table.AddColumn("role");
        table.AddColumn("jobs", c => c.RightAligned());
        table.AddColumn("workers", c => c.RightAligned());
        table.AddColumn("done / published", c => c.RightAligned());
        table.AddColumn("last decision");
        table.AddRow(
            "thumbnails",
            s.Jobs.ToString(CultureInfo.InvariantCulture),
            $"{s.Workers} {new string('#', Math.Min(s.Workers, 30))}",
            $"{s.Done} / {s.Published}",
            Markup.Escape(s.LastDecision));

        var progress = Math.Clamp(s.Elapsed / Math.Max(1, s.Length), 0, 1);
        var bar = new string('=', (int)(progress * 40)).PadRight(40);
        var header = new Markup(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"[{bar}] {s.Elapsed:0}s / {s.Length:0}s   (Ctrl-C stops and cleans up)")));
        var log = new Panel(new Markup(Markup.Escape(string.Join('\n', s.Log.DefaultIfEmpty("waiting for the first tick...")))))
            .Header("guv log").Expand();
        return new Rows(header, table, log);
    }

    public static string Line(DemoSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"demo {s.Elapsed,4:0}s/{s.Length:0}s  jobs {s.Jobs,4}  workers {s.Workers,2}  done {s.Done}/{s.Published}");
}
