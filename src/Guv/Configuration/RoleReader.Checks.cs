using System.Globalization;
using Guv.Model;
using Guv.Model.Policies;
using Guv.Platforms.Local;
using Guv.Queues;

namespace Guv.Configuration;

/// <summary>The checks that need a resolved role or all roles at once, not just one written value.</summary>
internal sealed partial class RoleReader
{
    private void CheckRole(RoleOptions options, RoleValues values, ConfigNode? nameNode)
    {
        var role = options.Name;
        if (options.Minimum > options.Maximum)
        {
            Problem(values.PlaceOf("minimum") ?? values.PlaceOf("maximum") ?? nameNode, role, "minimum",
                $"minimum {options.Minimum} is above maximum {options.Maximum}",
                "Lower minimum or raise maximum so that minimum <= maximum.");
        }

        if (!PlatformNames.All.Contains(options.Platform))
        {
            Problem(values.PlaceOf("platform"), role, "platform", $"unknown platform '{options.Platform}'",
                $"Use one of: {string.Join(", ", PlatformNames.All)}.");
        }
        else if (options.Platform == PlatformNames.Local && string.IsNullOrWhiteSpace(options.Command))
        {
            Problem(values.PlaceOf("platform"), role, "command", "the local platform needs the worker's command line",
                "Add 'command: <program and arguments>' to the role or to '*'.");
        }

        if (values.Text("kind") is { } kind && WorkloadKinds.Normalize(kind) is null)
        {
            Problem(values.PlaceOf("kind"), role, "kind", $"unknown kind '{kind}'",
                $"Use one of: {string.Join(", ", WorkloadKinds.All)} (the kind of the Kubernetes object named by 'worker').");
        }

        CheckOnError(options, values);
        if (PolicyCatalog.Find(options.Policy) is null)
        {
            Problem(values.PlaceOf("policy"), role, "policy", $"unknown policy '{options.Policy}'",
                $"Use one of: {string.Join(", ", PolicyCatalog.Names)}.");
        }

        CheckWrittenSyntax(options, values);
        CheckDeadline(options, values, nameNode);
    }

    private void CheckOnError(RoleOptions options, RoleValues values)
    {
        var role = options.Name;
        if (!ErrorModes.All.Contains(options.OnError))
        {
            Problem(values.PlaceOf("on_error"), role, "on_error", $"unknown on_error '{options.OnError}'",
                $"Use one of: {string.Join(", ", ErrorModes.All)}.");
        }
        else if (options.OnError == ErrorModes.Fallback && options.Fallback is null)
        {
            Problem(values.PlaceOf("on_error"), role, "fallback", "on_error: fallback needs the workers to fall back to",
                "Add 'fallback: <workers>', or use 'on_error: hold' to keep the current count.");
        }
        else if (options.Fallback is { } fallback && fallback > options.Maximum)
        {
            Problem(values.PlaceOf("fallback"), role, "fallback",
                $"fallback {fallback} is above maximum {options.Maximum}",
                "Lower fallback to at most the maximum, or raise the maximum.");
        }
    }

    /// <summary>
    /// URLs and command lines written in the file are checked here, so 'guv validate' catches their typos. Values
    /// from the environment, and whether a command exists, are checked when 'guv run' starts (its preflight). What
    /// a role inherits from '*' was checked, and is reported, once for '*'.
    /// </summary>
    private void CheckWrittenSyntax(RoleOptions options, RoleValues values)
    {
        var broker = values.PlaceOf("broker");
        var management = values.PlaceOf("management");
        if ((values.IsOwn("broker") || values.IsOwn("management")) && options.Broker is not null)
        {
            try
            {
                BrokerAddress.Parse(options.Broker, options.Management);
            }
            catch (FormatException e)
            {
                var key = e.Message.Contains("management", StringComparison.Ordinal) ? "management" : "broker";
                ProblemFromSentence(values.PlaceOf(key) ?? broker ?? management, options.Name, key, e.Message);
            }
        }

        if (values.IsOwn("command") && values.PlaceOf("command") is { } command && options.Command is not null)
        {
            try
            {
                CommandLine.Split(options.Command);
            }
            catch (FormatException e)
            {
                Problem(command, options.Name, "command", e.Message, "Close the quote, or escape it with a backslash.");
            }
        }
    }

    /// <summary>Reports a message of the form "what is wrong; what to do" as a problem and its fix.</summary>
    private void ProblemFromSentence(ConfigNode? place, string role, string key, string sentence)
    {
        var parts = sentence.Split("; ", 2);
        var fix = parts.Length > 1 ? char.ToUpperInvariant(parts[1][0]) + parts[1][1..] + "." : "Correct the value.";
        Problem(place, role, key, parts[0], fix);
    }

    /// <summary>
    /// A target at or below the processing time leaves no time to wait in the queue: guv 0.3.x's validate failed
    /// such configs, and its governor scaled them toward the maximum. The fix says by how much to change what.
    /// </summary>
    private void CheckDeadline(RoleOptions options, RoleValues values, ConfigNode? nameNode)
    {
        var target = ClassicModel.Target(options);
        if (target > options.Processing)
        {
            return;
        }

        string message, fix, key;
        if (options.Target is { } explicitTarget)
        {
            key = "target";
            message = Invariant($"target {explicitTarget:0.##} s is not above processing {options.Processing:0.##} s");
            fix = Invariant($"Raise target above {options.Processing:0.##} s, ")
                + "or remove it so guv derives it from the deadline";
        }
        else
        {
            key = "deadline";
            var z = NormalDistribution.Quantile(options.Percentile / 100);
            var needed = options.Processing + z * options.Stddev;
            message = Invariant($"the deadline cannot be met: target {target:0.##} s (deadline {options.Deadline:0.##} s ")
                + Invariant($"- {z:0.###} x stddev {options.Stddev:0.##} s) ")
                + Invariant($"is not above processing {options.Processing:0.##} s");
            fix = Invariant($"Lengthen the deadline by more than {needed - options.Deadline:0.##} s ")
                + Invariant($"(to above {needed:0.##} s)");
            if (z > 0 && options.Deadline > options.Processing)
            {
                var most = (options.Deadline - options.Processing) / z;
                fix += values.PlaceOf("stddev") is null
                    ? Invariant($", or set stddev below {most:0.##} s (unset, it is half of processing)")
                    : Invariant($", or lower stddev below {most:0.##} s");
            }
        }

        var place = values.PlaceOf(key) ?? values.PlaceOf("stddev") ?? nameNode;
        warnings.Add(new(source, place?.Line ?? 0, place?.Column ?? 0, options.Name, key, message,
            fix + "; until then guv scales this role toward its maximum."));
    }

    /// <summary>
    /// Two roles that scale the same worker of the same app fight each other: each tick one undoes the other.
    /// Local workers belong to their role, so only platforms with named workers are checked.
    /// </summary>
    private void CheckSharedWorkers(List<(ConfigScalar Name, RoleOptions Options, bool WorkerFromDefaults)> roles)
    {
        var first = new Dictionary<(string Platform, string? App, string Worker), string>();
        foreach (var (nameNode, options, fromDefaults) in roles.Where(r => r.Options.Platform != PlatformNames.Local))
        {
            var slot = (options.Platform, options.App, options.Worker);
            if (!first.TryAdd(slot, options.Name))
            {
                var app = options.App is null ? "" : $" of app '{options.App}'";
                Problem(nameNode, options.Name, "worker",
                    $"scales the worker '{options.Worker}'{app}, which role '{first[slot]}' scales too",
                    fromDefaults
                        ? $"'*' sets 'worker: {options.Worker}' for every role: move it into the one role it belongs to."
                        : "Give one of the two roles its own 'worker', or merge them into one role.");
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
