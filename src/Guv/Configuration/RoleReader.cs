using System.Globalization;
using Guv.Model;

namespace Guv.Configuration;

/// <summary>Turns the parsed tree into resolved <see cref="RoleOptions"/>, recording problems as it goes.</summary>
internal sealed partial class RoleReader(
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
            var seen = new Dictionary<string, ConfigScalar>(StringComparer.Ordinal);
            foreach (var (nameNode, body) in mapping.Entries)
            {
                var name = nameNode.Value ?? "";
                if (!seen.TryAdd(name, nameNode))
                {
                    Problem(nameNode, name, null,
                        $"the role '{name}' is defined twice (first at line {seen[name].Line}, column {seen[name].Column})",
                        "Merge the two definitions into one; only the last would count.");
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
        var defaults = Resolve(defaultsEntry.Name, ConfigLoader.DefaultsRole, defaultsValues, []);
        var named = rawRoles
            .Where(r => r.Name.Value != ConfigLoader.DefaultsRole)
            .Select(r => (r.Name, Options: Resolve(r.Name, r.Name.Value ?? "", r.Values, defaultsValues),
                WorkerFromDefaults: !r.Values.ContainsKey("worker") && defaultsValues.ContainsKey("worker")))
            .ToList();
        CheckSharedWorkers(named);
        return new GuvConfig(defaults, named.Select(r => r.Options).ToList(), source);
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
            ReportNotAMapping(role, body);
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
                var first = earlier.Item1;
                var names = first.Value == written ? $"'{written}'" : $"'{first.Value}' and '{written}'";
                Problem(keyNode, role, key.Name,
                    $"'{key.Name}' is set twice, by {names} (first at line {first.Line}, column {first.Column})",
                    "Remove one of the two; only the last would count.");
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

    private RoleOptions Resolve(
        ConfigScalar? nameNode,
        string role,
        Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> own,
        Dictionary<string, (ConfigScalar Key, ConfigScalar Value)> inherited)
    {
        var values = new RoleValues(this, role, own, inherited);
        var processing = values.Seconds("processing") ?? 10;

        // guv 0.3 tested 'if not c.stddev' and 'if not c.target', so an explicit 0 meant "the default" there.
        var stddev = values.Seconds("stddev", zeroMeansDefault: true) ?? processing * 0.5;
        var minimum = values.Count("minimum") ?? 1;
        var maximum = values.Count("maximum") ?? 5;
        var options = new RoleOptions
        {
            Name = role,
            Processing = processing,
            Stddev = stddev,
            Deadline = values.Seconds("deadline") ?? 60,
            Percentile = values.Percent("percentile") ?? 99,
            Target = values.Seconds("target", zeroMeansDefault: true),
            Boot = values.Seconds("boot") ?? 30,
            Concurrency = values.Count("concurrency", minimumValue: 1) ?? 1,
            Minimum = minimum,
            Maximum = maximum,
            Worker = values.Text("worker") ?? role,
            Queue = values.Text("queue") ?? role,
            App = values.Text("app") ?? NonEmpty(environment("GUV_APP")),
            Broker = values.Text("broker") ?? NonEmpty(environment("GUV_BROKER")) ?? NonEmpty(environment("CLOUDAMQP_URL")),
            Management = values.Text("management"),
            ApiKey = values.Text("apikey") ?? NonEmpty(environment("HEROKU_API_KEY")),
            ApiKeySource = ApiKeySource(values),
            DynoSize = values.Text("dynosize") ?? "standard-1x",
            Cost = values.Money("cost"),
            DynoSizeSet = values.Text("dynosize") is not null,
            HerokuApi = values.Text("heroku_api") ?? NonEmpty(environment("GUV_HEROKU_API")) ?? RoleOptions.DefaultHerokuApi,
            KubeConfig = values.Text("kubeconfig"),
            KubeContext = values.Text("context"),
            Namespace = values.Text("namespace"),
            Kind = WorkloadKinds.Normalize(values.Text("kind")) ?? WorkloadKinds.Deployment,
            PollInterval = values.Seconds("pollinterval") ?? 30,
            History = values.Seconds("history") ?? 120,
            StatusPage = values.Text("statuspage") ?? NonEmpty(environment("STATUSPAGE_ID")),
            Metric = values.Text("metric"),
            Platform = values.Text("platform") ?? PlatformNames.Heroku,
            Command = values.Text("command"),
            StopTimeout = values.Seconds("stop_timeout") ?? 30,
            Shell = values.Flag("shell") ?? false,
            CaFile = values.Text("ca_file") ?? NonEmpty(environment("GUV_CA_FILE")),
            Policy = values.Text("policy") ?? "classic",
            Value = values.Positive("value"),
            OnError = values.Text("on_error") ?? (values.Text("fallback") is null ? ErrorModes.Hold : ErrorModes.Fallback),
            Fallback = values.Count("fallback"),
            Failures = values.Count("failures", minimumValue: 1) ?? 3,
        };

        if (role != ConfigLoader.DefaultsRole)
        {
            CheckRole(options, values, nameNode);
        }
        else
        {
            CheckWrittenSyntax(options, values);
        }

        return options;
    }

    internal void Problem(ConfigNode? node, string? role, string? key, string message, string fix) =>
        problems.Add(new(source, node?.Line ?? 0, node?.Column ?? 0, role, key, message, fix));

    private string? ApiKeySource(RoleValues values)
    {
        if (values.PlaceOf("apikey") is { } place)
        {
            return $"'apikey' in {source} line {place.Line}";
        }

        return NonEmpty(environment("HEROKU_API_KEY")) is null ? null : "the HEROKU_API_KEY environment variable";
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
