using System.CommandLine;
using Guv.Cli.Hosting;
using Guv.Cli.Reports;
using Guv.Configuration;
using Guv.Model.Policies;
using Guv.Simulation;
using Guv.Simulation.Traces;

namespace Guv.Cli.Commands;

/// <summary>
/// <c>guv simulate</c>: replays a trace against a role under one or more policies and reports the figures.
/// </summary>
internal static class SimulateCommand
{
    public static Command Build()
    {
        var config = RunCommand.ConfigOption();
        var trace = new Option<string>("--trace", "-t")
        {
            Description = "A CSV trace (arrival timestamps, or counts per second or minute) or a synthetic one: "
                + "poisson:RATE, spike, sine, step, onoff (NAME:key=value,... to change their shape).",
            Required = true,
        };
        var role = new Option<string?>("--role", "-r") { Description = "The role to simulate. Default: the only role." };
        var policy = new Option<string?>("--policy") { Description = "Simulate this policy instead of the role's own." };
        var compare = new Option<string?>("--compare")
        {
            Description = "Simulate several policies on the same jobs, e.g. classic,hpa,next.",
        };
        var seed = new Option<ulong>("--seed")
        {
            Description = "Seed of every random draw. Default 1.",
            DefaultValueFactory = _ => 1,
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a table." };
        var plot = new Option<string?>("--plot") { Description = "Draw arrivals, queue, workers and latency to this PNG." };
        var sla = new Option<double?>("--sla")
        {
            Description = "Measure attainment against this deadline (s) instead of the configured one.",
        };
        var from = new Option<string?>("--from") { Description = "Replay from this time (1995-07-13T08:00, or 08:00)." };
        var to = new Option<string?>("--to") { Description = "Replay up to this time." };
        var speed = new Option<double>("--speed")
        {
            Description = "Replay this many times faster (2 doubles the arrival rate). Default 1.",
            DefaultValueFactory = _ => 1,
        };
        var service = new Option<string?>("--service")
        {
            Description = "Processing time from the trace's columns, "
                + "e.g. \"1 + 0.0005*ContextTokens + 0.04*GeneratedTokens\".",
        };

        var command = new Command("simulate",
            "Replay a trace against a role and report what each policy would cost and how many jobs meet the deadline.\n"
            + "Example: guv simulate --config workers.guv.yaml --trace poisson:2 --compare classic,hpa,next")
        {
            config, trace, role, policy, compare, seed, json, plot, sla, from, to, speed, service,
        };
        command.SetAction(result =>
        {
            var request = new SimulateRequest(
                result.GetValue(config), result.GetValue(trace)!, result.GetValue(role), result.GetValue(policy),
                result.GetValue(compare), result.GetValue(seed), result.GetValue(json), result.GetValue(plot),
                result.GetValue(sla),
                new TraceOptions
                {
                    From = result.GetValue(from), To = result.GetValue(to), Speed = result.GetValue(speed),
                    Service = result.GetValue(service),
                });
            return Run(request, Console.Out);
        });
        return command;
    }

    internal static int Run(SimulateRequest request, TextWriter output)
    {
        var config = ConfigSource.Load(request.ConfigPath);
        var role = PickRole(config, request.Role);
        var policies = PolicyNames(request, role);
        if (request.Sla is <= 0)
        {
            throw new UserError($"--sla must be a number of seconds above 0, got {request.Sla}");
        }

        Trace trace;
        try
        {
            trace = TraceReader.Load(request.Trace, request.TraceOptions);
        }
        catch (TraceException e)
        {
            throw new UserError(e.Message);
        }

        var options = new SimulationOptions
        {
            Seed = request.Seed,
            TickSeconds = config.PollInterval,
            Sla = request.Sla,
            RecordTimeline = request.Plot is not null,
        };
        var results = policies.Select(p => Simulator.Run(role with { Policy = p }, trace, options)).ToList();
        if (request.Plot is { } path)
        {
            SimulationChart.Save(path, trace, results);
        }

        if (request.Json)
        {
            output.WriteLine(SimulationReport.Json(role, trace, config.PollInterval, request.Seed, results));
        }
        else
        {
            output.Write(SimulationReport.Table(role, trace, config.PollInterval, request.Seed, results));
        }

        return ExitCodes.Ok;
    }

    private static RoleOptions PickRole(GuvConfig config, string? name)
    {
        if (name is not null)
        {
            return config.Find(name) ?? throw new UserError(
                $"no role '{name}' in {config.Source}; its roles are {string.Join(", ", config.Roles.Select(r => r.Name))}");
        }

        return config.Roles.Count switch
        {
            1 => config.Roles[0],
            0 => throw new UserError(
                $"{config.Source} has no roles to simulate; add one, e.g. 'worker: {{processing: 10}}'"),
            _ => throw new UserError($"{config.Source} has several roles; pick one with --role "
                + $"({string.Join(", ", config.Roles.Select(r => r.Name))})"),
        };
    }

    private static List<string> PolicyNames(SimulateRequest request, RoleOptions role)
    {
        if (request.Policy is not null && request.Compare is not null)
        {
            throw new UserError("give either --policy or --compare, not both");
        }

        var names = request.Compare?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.Ordinal).ToList()
            ?? [request.Policy ?? role.Policy];
        foreach (var name in names.Where(n => PolicyCatalog.Find(n) is null))
        {
            throw new UserError($"unknown policy '{name}'; use one of: {string.Join(", ", PolicyCatalog.Names)}");
        }

        return names.Count > 0 ? names : throw new UserError("--compare needs at least one policy name");
    }
}
