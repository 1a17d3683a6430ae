using System.Globalization;
using Guv.Model;

namespace Guv.Configuration;

/// <summary>Turns the parsed tree into resolved <see cref="RoleOptions"/>, recording problems as it goes.</summary>
internal sealed class RoleReader(
    string source,
    Func<string, string?> environment,
    IReadOnlySet<string> allowedExtraKeys,
    List<ConfigProblem> problems,
    List<ConfigProblem> warnings)
{
    public GuvConfig ReadConfig(ConfigNode? root)
    {
        var rawRoles = new List<(ConfigScalar Name, Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> Values)>();
        if (root is ConfigMapping mapping)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (nameNode, body) in mapping.Entries)
            {
                var name = nameNode.Value ?? "";
                if (!seen.Add(name))
                {
                    Problem(nameNode, name, null, $"the role '{name}' is defined twice",
                        "Merge the two definitions into one; the later one would silently replace the earlier.");
                    continue;
                }

                rawRoles.Add((nameNode, ReadRoleValues(name, body)));
            }
        }
        else if (root is not null && !(root is ConfigScalar s && s.IsNull))
        {
            problems.Add(new(source, root.Line, root.Column, null, null,
                "the config must be a mapping of role names to their settings",
                "Write each role as a top-level key, for example 'worker: {processing: 10, deadline: 60}'."));
        }

        var defaultsEntry = rawRoles.FirstOrDefault(r => r.Name.Value == ConfigLoader.DefaultsRole);
        var defaultsValues = defaultsEntry.Values ?? [];
        var defaults = Resolve(ConfigLoader.DefaultsRole, defaultsValues, []);
        var roles = rawRoles
            .Where(r => r.Name.Value != ConfigLoader.DefaultsRole)
            .Select(r => Resolve(r.Name.Value ?? "", r.Values, defaultsValues))
            .ToList();
        return new GuvConfig(defaults, roles, source);
    }

    private Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> ReadRoleValues(string role, ConfigNode body)
    {
        var values = new Dictionary<string, (ConfigScalar, ConfigScalar)>(StringComparer.Ordinal);
        if (body is ConfigScalar { IsNull: true })
        {
            return values;
        }

        if (body is not ConfigMapping mapping)
        {
            Problem(body, role, null, "a role must be a mapping of keys to values",
                $"Write it as '{role}: {{processing: 10, deadline: 60}}', or leave it empty for all defaults.");
            return values;
        }

        foreach (var (keyNode, valueNode) in Flatten(mapping))
        {
            var written = keyNode.Value ?? "";
            var key = ConfigKeys.Find(written);
            if (key is null)
            {
                if (!allowedExtraKeys.Contains(written))
                {
                    ReportUnknownKey(role, keyNode, written);
                }

                continue;
            }

            if (values.TryGetValue(key.Name, out var earlier))
            {
                Problem(keyNode, role, key.Name,
                    $"'{written}' sets '{key.Name}' again (first set at line {earlier.Item1.Line})",
                    "Keep one of the two.");
                continue;
            }

            if (valueNode is not ConfigScalar scalar)
            {
                Problem(valueNode, role, key.Name, $"'{key.Name}' must be a single value, not a list or mapping",
                    $"Write '{key.Name}: <value>' ({key.Description}).");
                continue;
            }

            if (!scalar.IsNull)
            {
                values[key.Name] = (keyNode, scalar);
            }
        }

        return values;
    }

    /// <summary>Applies YAML merge keys (<c>&lt;&lt;: *defaults</c>), which guv 0.3's YAML reader honoured.</summary>
    private static IEnumerable<KeyValuePair<ConfigScalar, ConfigNode>> Flatten(ConfigMapping mapping)
    {
        var own = mapping.Entries.Where(e => e.Key.Value != "<<").ToList();
        var ownKeys = own.Select(e => e.Key.Value).ToHashSet(StringComparer.Ordinal);
        var merged = mapping.Entries
            .Where(e => e.Key.Value == "<<")
            .SelectMany(e => e.Value switch
            {
                ConfigMapping m => Flatten(m),
                ConfigSequence seq => seq.Items.OfType<ConfigMapping>().SelectMany(Flatten),
                _ => [],
            })
            .Where(e => !ownKeys.Contains(e.Key.Value));
        return merged.Concat(own);
    }

    private void ReportUnknownKey(string role, ConfigScalar keyNode, string written)
    {
        var colon = written.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && ConfigKeys.Find(written[..colon]) is { } meant)
        {
            Problem(keyNode, role, written,
                $"unknown key '{written}': YAML reads a colon without a space after it as part of the key",
                $"Write '{meant.Name}: {written[(colon + 1)..]}' with a space after the colon.");
            return;
        }

        var suggestion = ConfigKeys.Suggest(written);
        var fix = suggestion is not null
            ? $"Did you mean '{suggestion}'?"
            : $"Known keys: {string.Join(", ", ConfigKeys.All.Select(k => k.Name))}.";
        Problem(keyNode, role, written, $"unknown key '{written}'",
            fix + " Use --allow-key to accept a key of your own.");
    }

    private RoleOptions Resolve(
        string role,
        Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> own,
        Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> inherited)
    {
        var values = new RoleValues(this, role, own, inherited);
        var processing = values.Seconds("processing") ?? 10;

        // guv 0.3 tested 'if not c.stddev', so an explicit 0 also meant "half of processing".
        var stddev = values.Seconds("stddev") is { } sd && sd != 0 ? sd : processing * 0.5;
        var minimum = values.Count("minimum") ?? 1;
        var maximum = values.Count("maximum") ?? 5;
        var options = new RoleOptions
        {
            Name = role,
            Processing = processing,
            Stddev = stddev,
            Deadline = values.Seconds("deadline") ?? 60,
            Percentile = values.Percent("percentile") ?? 99,
            Target = values.Seconds("target"),
            Boot = values.Seconds("boot") ?? 30,
            Concurrency = values.Count("concurrency", minimumValue: 1) ?? 1,
            Minimum = minimum,
            Maximum = maximum,
            Worker = values.Text("worker") ?? role,
            Queue = values.Text("queue") ?? role,
            App = values.Text("app") ?? environment("GUV_APP"),
            Broker = values.Text("broker") ?? NonEmpty(environment("GUV_BROKER")) ?? NonEmpty(environment("CLOUDAMQP_URL")),
            Management = values.Text("management"),
            ApiKey = values.Text("apikey") ?? NonEmpty(environment("HEROKU_API_KEY")),
            DynoSize = values.Text("dynosize") ?? "standard-1x",
            PollInterval = values.Seconds("pollinterval") ?? 30,
            History = values.Seconds("history") ?? 120,
            StatusPage = values.Text("statuspage") ?? NonEmpty(environment("STATUSPAGE_ID")),
            Metric = values.Text("metric"),
            Platform = values.Text("platform") ?? PlatformNames.Heroku,
            Command = values.Text("command"),
            StopTimeout = values.Seconds("stop_timeout") ?? 30,
            Policy = values.Text("policy") ?? "classic",
            Value = values.Positive("value"),
        };

        if (role != ConfigLoader.DefaultsRole)
        {
            CheckRole(options, values);
        }

        return options;
    }

    private void CheckRole(RoleOptions options, RoleValues values)
    {
        var role = options.Name;
        if (options.Minimum > options.Maximum)
        {
            Problem(values.PlaceOf("minimum") ?? values.PlaceOf("maximum"), role, "minimum",
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

        if (Model.Policies.PolicyCatalog.Find(options.Policy) is null)
        {
            Problem(values.PlaceOf("policy"), role, "policy", $"unknown policy '{options.Policy}'",
                $"Use one of: {string.Join(", ", Model.Policies.PolicyCatalog.Names)}.");
        }

        var target = ClassicModel.Target(options);
        if (target <= options.Processing)
        {
            warnings.Add(new(source, values.PlaceOf("deadline")?.Line ?? 0, values.PlaceOf("deadline")?.Column ?? 0,
                role, "deadline",
                string.Create(CultureInfo.InvariantCulture,
                    $"the deadline cannot be met: target {target:0.##} s is not above processing {options.Processing:0.##} s"),
                FormattableString.Invariant(
                    $"Lengthen the deadline by at least {options.Processing - target + 0.01:0.##} s, or lower stddev; ")
                + "until then guv scales such a role toward its maximum."));
        }
    }

    internal void Problem(ConfigNode? node, string? role, string? key, string message, string fix) =>
        problems.Add(new(source, node?.Line ?? 0, node?.Column ?? 0, role, key, message, fix));

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
