using System.CommandLine;
using Guv.Cli.Demo;
using Guv.Cli.Hosting;

namespace Guv.Cli.Commands;

/// <summary><c>guv demo</c>: the whole system on one machine.</summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var trace = new Option<string?>("--trace")
        {
            Description = "Replay a per-second or per-minute count CSV instead of the built-in launch morning.",
        };
        var from = new Option<string?>("--from") { Description = "Start of the trace to replay, HH:MM or yyyy-MM-ddTHH:mm." };
        var to = new Option<string?>("--to") { Description = "End of the trace to replay, HH:MM or yyyy-MM-ddTHH:mm." };
        var speed = new Option<double?>("--speed")
        {
            Description = "Time compression for arrivals, job times, boot and deadline. Default 10 (60 with --trace).",
        };
        var scale = new Option<double?>("--scale")
        {
            Description = "Multiply arrivals by this. Default: whatever keeps the peak near 8 local workers.",
        };
        var max = new Option<int>("--max-workers")
        {
            Description = "The role's maximum workers.",
            DefaultValueFactory = _ => 12,
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the random arrivals and job times.", DefaultValueFactory = _ => 1 };
        var json = new Option<bool>("--json") { Description = "End with the summary as one JSON object on the last line." };

        var command = new Command("demo",
            "Run guv on this machine: a real RabbitMQ, local example workers, and a morning of jobs shaped like the\n"
            + "STS-70 launch day, 2-3 minutes. Ends with a summary of deadlines met and worker-seconds used.\n"
            + "Example: guv demo --trace ../shared/traces/nasa_http_1995-07-13_requests_per_second.csv "
            + "--from 08:30 --to 10:30 --speed 60 --json")
        {
            trace, from, to, speed, scale, max, seed, json,
        };
        command.SetAction(async (result, _) =>
        {
            var maxWorkers = result.GetValue(max);
            if (maxWorkers < 1)
            {
                throw new UserError("--max-workers must be at least 1");
            }

            using var signal = new StopSignal();
            var options = new DemoOptions(result.GetValue(trace), result.GetValue(from), result.GetValue(to),
                result.GetValue(speed), result.GetValue(scale), maxWorkers, result.GetValue(seed), result.GetValue(json));
            return await new DemoRunner(options, signal.Token).RunAsync();
        });
        return command;
    }
}
