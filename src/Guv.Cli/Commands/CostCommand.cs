using System.CommandLine;
using System.Globalization;
using Guv.Cli.Hosting;
using Guv.History;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv cost</c>: worker-hours and dollars of the stored history, and what another config would have cost on the
/// same queue lengths, so a config change can be priced before it ships.
/// </summary>
internal static class CostCommand
{
    public static Command Build()
    {
        var history = ObservabilityOptions.HistoryDbOption("--history");
        var config = RunCommand.ConfigOption();
        config.Description = "The config to replay the history through. Default: the YAML in env GUV_CONFIG, if set.";
        var since = new Option<string?>("--since") { Description = $"Only history from this time on: {TimeSpec.Help}." };
        var price = new Option<string[]>("--price")
        {
            Description = "Dollars per worker-hour of a dyno size, e.g. --price standard-1x=0.035 (repeatable).",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("cost",
            "Price the stored history: worker-hours and dollars per role, as run and as the config would have run.\n"
            + "Example: guv cost --history guv-history.db --config cheaper.guv.yaml")
        {
            history, config, since, price,
        };
        command.SetAction(async (result, _) =>
        {
            var prices = ParsePrices(result.GetValue(price) ?? []);
            var configPath = result.GetValue(config);
            var replay = configPath is not null || Environment.GetEnvironmentVariable("GUV_CONFIG") is not null
                ? ConfigSource.Load(configPath)
                : null;
            var records = await StoredHistory.ReadAsync(result.GetValue(history), null, result.GetValue(since));
            if (records.Count == 0)
            {
                throw new UserError("the history holds no ticks for that time; run guv run for a while first");
            }

            Print(CostReplay.Compute(records, replay, prices), replay?.Source);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Dictionary<string, decimal> ParsePrices(string[] values)
    {
        var prices = new Dictionary<string, decimal>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2
                || !decimal.TryParse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture, out var dollars)
                || dollars < 0)
            {
                throw new UserError($"--price '{value}' is not SIZE=DOLLARS; write e.g. --price standard-1x=0.035");
            }

            prices[parts[0].ToLowerInvariant()] = dollars;
        }

        return prices;
    }

    private static void Print(IReadOnlyList<RoleCost> costs, string? replayed)
    {
        var c = CultureInfo.InvariantCulture;
        var header = replayed is null ? "" : string.Format(c, " {0,14} {1,10} {2,9}", "replayed w-h", "replayed $", "change");
        Console.WriteLine(string.Format(c, "{0,-20} {1,-14} {2,8} {3,14} {4,10}",
            "role", "size", "hours", "worker-hours", "dollars") + header);
        foreach (var cost in costs)
        {
            var line = string.Format(c, "{0,-20} {1,-14} {2,8:0.0} {3,14:0.00} {4,10}", cost.Role, cost.Size, cost.Hours,
                cost.RecordedWorkerHours, Dollars(cost.RecordedDollars));
            if (replayed is not null)
            {
                var change = cost.ReplayedWorkerHours is { } r && cost.RecordedWorkerHours > 0
                    ? ((r - cost.RecordedWorkerHours) / cost.RecordedWorkerHours).ToString("+0%;-0%;0%", c)
                    : "";
                line += string.Format(c, " {0,14} {1,10} {2,9}",
                    cost.ReplayedWorkerHours?.ToString("0.00", c) ?? "not in config", Dollars(cost.ReplayedDollars), change);
            }

            Console.WriteLine(line);
        }

        var total = string.Format(c, "{0,-20} {1,-14} {2,8} {3,14:0.00} {4,10}", "total", "", "",
            costs.Sum(x => x.RecordedWorkerHours), Dollars(costs.Sum(x => x.RecordedDollars ?? 0)));
        if (replayed is not null)
        {
            total += string.Format(c, " {0,14:0.00} {1,10}", costs.Sum(x => x.ReplayedWorkerHours ?? 0),
                Dollars(costs.Sum(x => x.ReplayedDollars ?? 0)));
        }

        Console.WriteLine(total);
        if (costs.Any(x => x.PricePerHour is null))
        {
            Console.WriteLine("Sizes without a price count as $0; give them with --price SIZE=DOLLARS.");
        }

        Console.WriteLine("Prices are Heroku list prices per dyno-hour as last known to guv (2024); check them and "
            + "override with --price.");
        if (replayed is not null)
        {
            Console.WriteLine($"Replayed through {replayed} on the recorded queue lengths (a different worker count "
                + "would have changed them; the replay cannot know how).");
        }
    }

    private static string Dollars(decimal? value) =>
        value is { } v ? v.ToString("$0.00", CultureInfo.InvariantCulture) : "?";
}
