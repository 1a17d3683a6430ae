using System.CommandLine;
using Guv.Cli.Hosting;
using Guv.History;

namespace Guv.Cli.Commands;

/// <summary><c>guv history export</c>: the stored ticks as CSV or JSON, for spreadsheets and scripts.</summary>
internal static class HistoryCommand
{
    public static Command Build()
    {
        var format = new Option<string>("--format")
        {
            Description = "csv (one line per role and tick) or json.",
            DefaultValueFactory = _ => "csv",
        };
        format.AcceptOnlyFromAmong("csv", "json");
        var role = new Option<string?>("--role") { Description = "Only this role. Default: every role." };
        var since = new Option<string?>("--since")
        {
            Description = $"Only ticks from this time on: {TimeSpec.Help}. Default: all that is kept (14 days).",
        };
        var historyDb = ObservabilityOptions.HistoryDbOption();
        var export = new Command("export",
            "Write the stored history to standard output.\nExample: guv history export --format csv --since 1d > ticks.csv")
        {
            format, role, since, historyDb,
        };
        export.SetAction(async (result, cancellationToken) =>
        {
            var records = await StoredHistory.ReadAsync(result.GetValue(historyDb), result.GetValue(role),
                result.GetValue(since));
            var output = Console.Out;
            await (result.GetValue(format) == "json"
                ? HistoryExport.WriteJsonAsync(records, output)
                : HistoryExport.WriteCsvAsync(records, output));
            await output.FlushAsync(cancellationToken);
            return ExitCodes.Ok;
        });

        return new Command("history", "Read the history guv run stores (every tick of every role).") { export };
    }
}
