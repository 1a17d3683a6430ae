using Guv.Simulation;
using Guv.Simulation.Traces;
using ScottPlot;

namespace Guv.Cli.Reports;

/// <summary>Draws a simulation's timeline: arrivals, queue length, workers per policy and latency over time.</summary>
internal static class SimulationChart
{
    // More points than pixels only blur the lines and slow the drawing: long runs are bucketed, keeping each
    // bucket's highest value so spikes stay visible.
    private const int MaxPoints = 1500;

    public static void Save(string path, Trace trace, IReadOnlyList<SimulationResult> results)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(4);
        var tickHours = results[0].Timeline.Count > 1 ? (results[0].Timeline[1].At - results[0].Timeline[0].At) / 3600 : 1;
        var unit = tickHours * 60 < 1 ? 1.0 : 60.0;

        var arrivals = multiplot.GetPlot(0);
        var perTick = results[0].Timeline.Select(s => s.Arrivals / (tickHours * 3600) * unit).ToArray();
        Line(arrivals, perTick, tickHours, "arrivals", Colors.Gray);
        Style(arrivals, $"Arrivals per {(unit == 1 ? "second" : "minute")} — {trace.Name}", "jobs");

        var queue = multiplot.GetPlot(1);
        var workers = multiplot.GetPlot(2);
        var latency = multiplot.GetPlot(3);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < results.Count; i++)
        {
            var result = results[i];
            var color = palette.GetColor(i);
            Line(queue, result.Timeline.Select(s => (double)s.Jobs).ToArray(), tickHours, result.Policy, color);
            Line(workers, result.Timeline.Select(s => (double)s.Workers).ToArray(), tickHours, result.Policy, color);
            Line(latency, result.Timeline.Select(s => double.IsNaN(s.MaxLatency) ? 0 : s.MaxLatency).ToArray(),
                tickHours, result.Policy, color);
        }

        var deadline = latency.Add.HorizontalLine(results[0].Sla);
        deadline.LinePattern = LinePattern.Dashed;
        deadline.Color = Colors.Red;
        deadline.LegendText = $"deadline {results[0].Sla:0.#} s";
        Style(queue, "Queue seen by the governor (ready + unacknowledged)", "jobs");
        Style(workers, "Workers (booting included)", "workers");
        Style(latency, "Highest latency of the jobs finished in each tick", "seconds");
        latency.XLabel($"hours since {trace.Start:yyyy-MM-dd HH:mm}");
        try
        {
            multiplot.SavePng(path, 1400, 1600);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserError($"--plot: cannot write {path}: {e.Message}");
        }
    }

    private static void Line(Plot plot, double[] values, double tickHours, string label, Color color)
    {
        var size = Math.Max(1, (int)Math.Ceiling(values.Length / (double)MaxPoints));
        var ys = values.Chunk(size).Select(c => c.Max()).ToArray();
        var signal = plot.Add.Signal(ys, tickHours * size);
        signal.LegendText = label;
        signal.Color = color;
        signal.LineWidth = 1.5f;
    }

    private static void Style(Plot plot, string title, string unit)
    {
        plot.Title(title);
        plot.YLabel(unit);
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0);
    }
}
