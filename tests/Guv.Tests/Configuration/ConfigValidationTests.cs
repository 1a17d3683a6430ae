using Guv.Configuration;

namespace Guv.Tests.Configuration;

/// <summary>Every rule of validation, one row each, with the exact message a user sees.</summary>
public sealed class ConfigValidationTests
{
    public static TheoryData<string, string, string> Problems() => new()
    {
        // A misspelt key gets a did-you-mean.
        { "unknown key", "w1: {procesing: 10}",
            "t.yaml:1:6: role 'w1', key 'procesing': unknown key 'procesing'. Did you mean 'processing'? "
            + "Use --allow-key to accept a key of your own." },
        // Nothing close: list the known keys instead of guessing.
        { "unknown key, nothing close", "w1: {zzzzzzzzzzzz: 1}",
            "t.yaml:1:6: role 'w1', key 'zzzzzzzzzzzz': unknown key 'zzzzzzzzzzzz'. Known keys: processing, stddev, "
            + "deadline, percentile, target, boot, concurrency, minimum, maximum, worker, queue, app, broker, "
            + "management, apikey, dynosize, cost, pollinterval, history, statuspage, metric, platform, heroku_api, "
            + "kubeconfig, context, namespace, kind, command, stop_timeout, shell, ca_file, policy, value, on_error, "
            + "fallback, failures. Use --allow-key to accept a key of your own." },
        // guv 0.3's own example: in a flow mapping 'queue:notdefault' is one key.
        { "no space after colon", "w1: {queue:notdefault}",
            "t.yaml:1:6: role 'w1', key 'queue:notdefault': unknown key 'queue:notdefault': YAML reads a colon "
            + "without a space after it as part of the key. Write 'queue: notdefault' with a space after the colon." },
        { "no space after colon, block style", "w1: processing:10",
            "t.yaml:1:5: role 'w1': the role's value 'processing:10' is text, not a mapping: YAML needs a space after "
            + "a colon. Write 'w1: {processing: 10}', or put each key on its own line." },
        { "word for a number", "w1: {processing: ten}",
            "t.yaml:1:18: role 'w1', key 'processing': must be a number, got 'ten'. Write a plain number, for example "
            + "'processing: 10'." },
        { "quoted number", "w1: {p: \"10\"}",
            "t.yaml:1:9: role 'w1', key 'processing': must be a number, got the quoted text \"10\". Remove the quotes: "
            + "'p: 10'." },
        { "list for a value", "w1: {queue: [a, b]}",
            "t.yaml:1:13: role 'w1', key 'queue': 'queue' must be a single value, not a list or mapping. Write "
            + "'queue: <value>' (queue name (default: the role name))." },
        { "negative time", "w1: {deadline: -5}",
            "t.yaml:1:16: role 'w1', key 'deadline': must be a time in seconds above zero, got -5. Give a positive "
            + "number of seconds, for example 'deadline: 60'." },
        { "zero time", "w1: {d: 0}",
            "t.yaml:1:9: role 'w1', key 'deadline': must be a time in seconds above zero, got 0. Give a positive "
            + "number of seconds, for example 'd: 60'." },
        { "fractional count", "w1: {max: 2.5}",
            "t.yaml:1:11: role 'w1', key 'maximum': must be a whole number of at least 0, got 2.5. Give a whole "
            + "number, for example 'max: 2'." },
        { "zero concurrency", "w1: {concurrency: 0}",
            "t.yaml:1:19: role 'w1', key 'concurrency': must be a whole number of at least 1, got 0. Give a whole "
            + "number, for example 'concurrency: 1'." },
        { "negative cost", "w1: {cost: -1}",
            "t.yaml:1:12: role 'w1', key 'cost': must be an amount of zero or more, got -1. Give the US dollars one "
            + "worker costs per hour, for example 'cost: 0.05'." },
        { "percentile 100", "w1: {percentile: 100}",
            "t.yaml:1:18: role 'w1', key 'percentile': must be a percentage between 0 and 100 (exclusive), got 100. "
            + "Give a percentage such as 99, meaning 99% of jobs meet the deadline." },
        { "percentile 0", "w1: {percentile: 0}",
            "t.yaml:1:18: role 'w1', key 'percentile': must be a percentage between 0 and 100 (exclusive), got 0. "
            + "Give a percentage such as 99, meaning 99% of jobs meet the deadline." },
        { "min above max", "w1: {min: 5, max: 2}",
            "t.yaml:1:6: role 'w1', key 'minimum': minimum 5 is above maximum 2. Lower minimum or raise maximum so "
            + "that minimum <= maximum." },
        // The minimum comes from '*', so the place is the role's own maximum.
        { "min above max, inherited", "'*': {min: 3}\nw1: {max: 2}",
            "t.yaml:1:7: role 'w1', key 'minimum': minimum 3 is above maximum 2. Lower minimum or raise maximum so "
            + "that minimum <= maximum." },
        { "duplicate key", "w1: {p: 3, processing: 4}",
            "t.yaml:1:12: role 'w1', key 'processing': 'processing' is set twice, by 'p' and 'processing' (first at "
            + "line 1, column 6). Remove one of the two; only the last would count." },
        { "duplicate role", "w1: {p: 3}\nw1: {p: 4}",
            "t.yaml:2:1: role 'w1': the role 'w1' is defined twice (first at line 1, column 1). Merge the two "
            + "definitions into one; only the last would count." },
        { "two roles, one worker", "'*': {app: shop}\nw1: {}\nw2: {worker: w1}",
            "t.yaml:3:1: role 'w2', key 'worker': scales the worker 'w1' of app 'shop', which role 'w1' scales too. "
            + "Give one of the two roles its own 'worker', or merge them into one role." },
        { "unknown platform", "w1: {platform: k8s}",
            "t.yaml:1:6: role 'w1', key 'platform': unknown platform 'k8s'. Use one of: heroku, kubernetes, local." },
        { "local without command", "w1: {platform: local}",
            "t.yaml:1:6: role 'w1', key 'command': the local platform needs the worker's command line. Add "
            + "'command: <program and arguments>' to the role or to '*'." },
        // The password never appears in a message.
        { "broker not a URL", "w1: {broker: 'rabbit://me:secret@host'}",
            "t.yaml:1:6: role 'w1', key 'broker': the broker URL 'rabbit://me:***@host' is not an amqp:// or amqps:// "
            + "URL. Write it as amqp://user:password@host:5672/vhost." },
        { "management not a URL", "w1: {broker: 'amqp://h', management: 'h:15672'}",
            "t.yaml:1:26: role 'w1', key 'management': the management URL 'h:15672' is not an http:// or https:// URL. "
            + "Write it as http://host:15672/." },
        { "command with an open quote", "w1: {platform: local, command: \"./work 'a b\"}",
            "t.yaml:1:23: role 'w1', key 'command': the command has an unclosed ' quote: ./work 'a b. Close the quote, "
            + "or escape it with a backslash." },
        { "unknown policy", "w1: {policy: magic}",
            "t.yaml:1:6: role 'w1', key 'policy': unknown policy 'magic'. Use one of: classic, hpa, next." },
        { "not a mapping", "- a\n- b",
            "t.yaml:1:1: the config must be a mapping of role names to their settings. Write each role as a top-level "
            + "key, for example 'worker: {processing: 10, deadline: 60}'." },
        { "role is a number", "w1: 5",
            "t.yaml:1:5: role 'w1': a role must be a mapping of keys to values. Write it as 'w1: {processing: 10, "
            + "deadline: 60}', or leave it empty for all defaults." },
        { "empty text", "",
            "t.yaml: the config is empty. Add at least one role (for example 'worker: {processing: 10}'), or a comment "
            + "if you want none." },
        { "unquoted star", "*: {min: 1}\nw1: {}",
            "t.yaml:1:4: the text is not valid YAML: Did not find expected <document end>. Quote the defaults role: "
            + "write '*': instead of *:." },
        // YamlDotNet gives up on this one without a place; the bracket scan finds it.
        { "unclosed brace", "w1: {p: 10, d: 60\nw2: {}",
            "t.yaml:1:5: the text is not valid YAML: the '{' here is never closed. Add the missing '}' at the end of "
            + "what it encloses." },
        { "uneven indentation", "w1:\n  p: 10\n   d: 60",
            "t.yaml:3:5: the text is not valid YAML: While scanning a plain scalar value, found invalid mapping. This "
            + "line is indented by 3 spaces and the one before by 2: indent every key of a role by the same number of "
            + "spaces." },
        { "second document", "w1: {p: 10}\n---\nw2: {}",
            "t.yaml:2:1: a second YAML document starts here, and guv reads only the first. Remove the '---' line so "
            + "that every role is in one document." },
        { "role as a list", "w1:\n  - p: 10",
            "t.yaml:2:3: role 'w1': a role must be a mapping of keys to values, not a list. Remove the '- ' in front "
            + "of its keys, or write it as 'w1: {processing: 10, deadline: 60}'." },
        { "colon missing after role name", "w1 {p: 10}",
            "t.yaml:1:8: role 'w1 {p': the role name 'w1 {p' holds a '{': the colon after the role's name is missing. "
            + "Write 'w1: {p: 10}'." },
        // guv 0.1 wrote 'role{p=10,d=60}'.
        { "key=value for a role", "w1: p=10, d=60",
            "t.yaml:1:5: role 'w1': the role's value 'p=10, d=60' is text: keys are written 'key: value', not "
            + "'key=value'. Write 'w1: {p: 10, d: 60}'." },
        { "key=value for a key", "w1: {p=10}",
            "t.yaml:1:6: role 'w1', key 'p=10': unknown key 'p=10': keys are written 'key: value', not 'key=value'. "
            + "Write 'p: 10'." },
        { "unknown key that starts with a known one", "w1: {max_workers: 3}",
            "t.yaml:1:6: role 'w1', key 'max_workers': unknown key 'max_workers'. Did you mean 'maximum'? Use "
            + "--allow-key to accept a key of your own." },
        { "worker set in '*'", "'*': {worker: all}\nw1: {}\nw2: {}",
            "t.yaml:3:1: role 'w2', key 'worker': scales the worker 'all', which role 'w1' scales too. '*' sets "
            + "'worker: all' for every role: move it into the one role it belongs to." },
        { "tab indentation", "w1:\n\tp: 3",
            "t.yaml:1:1: the text is not valid YAML: While scanning a mapping, found invalid tab as indentation. "
            + "YAML does not allow tabs for indentation: indent with spaces." },
    };

    [Theory]
    [MemberData(nameof(Problems))]
    public void Check_BrokenConfig_ReportsExactProblem(string rule, string yaml, string expected)
    {
        var result = new ConfigLoader(_ => null).Check(yaml, "t.yaml");

        Assert.True(result.Config is null, rule);
        Assert.Equal([expected], result.Problems.Select(p => p.ToString()));
    }

    public static TheoryData<string, string, string> Warnings() => new()
    {
        // guv 0.3's own test case: target 22.08 s is below processing 25 s.
        { "deadline too short", "'*': {min: 0, max: 4}\nfailing: { processing: 25, stddev: 12, deadline: 50}",
            "t.yaml:2:40: role 'failing', key 'deadline': the deadline cannot be met: target 22.08 s (deadline 50 s - "
            + "2.326 x stddev 12 s) is not above processing 25 s. Lengthen the deadline by more than 2.92 s (to above "
            + "52.92 s), or lower stddev below 10.75 s; until then guv scales this role toward its maximum." },
        // A deadline at or below processing cannot be fixed by a smaller stddev.
        { "deadline below processing", "w1: {p: 30, d: 20}",
            "t.yaml:1:13: role 'w1', key 'deadline': the deadline cannot be met: target -14.9 s (deadline 20 s - "
            + "2.326 x stddev 15 s) is not above processing 30 s. Lengthen the deadline by more than 44.9 s (to above "
            + "64.9 s); until then guv scales this role toward its maximum." },
        { "target at processing", "w1: {p: 10, target: 10}",
            "t.yaml:1:13: role 'w1', key 'target': target 10 s is not above processing 10 s. Raise target above "
            + "10 s, or remove it so guv derives it from the deadline; until then guv scales this role toward its "
            + "maximum." },
        // Nothing written about the deadline: the place is the role itself.
        { "default deadline too short", "w1: {p: 50}",
            "t.yaml:1:1: role 'w1', key 'deadline': the deadline cannot be met: target 1.84 s (deadline 60 s - 2.326 x "
            + "stddev 25 s) is not above processing 50 s. Lengthen the deadline by more than 48.16 s (to above "
            + "108.16 s), or set stddev below 4.3 s (unset, it is half of processing); until then guv scales this "
            + "role toward its maximum." },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void Check_UnrealizableDeadline_WarnsWithTheChangeNeeded(string rule, string yaml, string expected)
    {
        var result = new ConfigLoader(_ => null).Check(yaml, "t.yaml");

        Assert.True(result.Problems.Count == 0, rule);
        Assert.Equal([expected], result.Warnings.Select(p => p.ToString()));
    }

    [Fact]
    public void Check_SeveralProblems_ReportsEveryOneInFileOrder()
    {
        var yaml = "w1: {procesing: 10, d: -1}\nw2: {min: 3, max: 1}\nw3: {percentile: 120}";

        var result = new ConfigLoader(_ => null).Check(yaml, "t.yaml");

        Assert.Equal(["1:6", "1:24", "2:6", "3:18"], result.Problems.Select(p => $"{p.Line}:{p.Column}"));
    }

    [Fact]
    public void Check_BadValueInDefaults_ReportedOnceForTheDefaultsRole()
    {
        var result = new ConfigLoader(_ => null).Check("'*': {d: -1}\nw1: {}\nw2: {}", "t.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("*", problem.Role);
    }

    [Fact]
    public void Check_BadBrokerInDefaults_ReportedOnceForTheDefaultsRole()
    {
        var result = new ConfigLoader(_ => null).Check("'*': {broker: 'http://h'}\nw1: {}\nw2: {}", "t.yaml");

        var problem = Assert.Single(result.Problems);
        Assert.Equal(("*", "broker", 1), (problem.Role, problem.Key, problem.Line));
    }

    [Fact]
    public void Check_AllowedExtraKey_IsAccepted()
    {
        var loader = new ConfigLoader(_ => null, ["owner"]);

        var result = loader.Check("w1: {owner: team-a, p: 3}", "t.yaml");

        Assert.Empty(result.Problems);
        Assert.Equal(3, result.Config!.Roles[0].Processing);
    }

    [Fact]
    public void Check_SameWorkerInDifferentApps_IsAllowed()
    {
        // guv 0.3.0 fixed scaling of two apps that share a dyno name: they are different workers.
        var result = new ConfigLoader(_ => null).Check("w1: {app: a, worker: resize}\nw2: {app: b, worker: resize}", "t");

        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Check_LocalRolesWithTheSameWorkerName_AreAllowed()
    {
        // Local workers belong to their role, so a shared worker name scales nothing twice.
        var yaml = "'*': {platform: local, command: ./work}\nw1: {worker: x}\nw2: {worker: x}";

        Assert.Empty(new ConfigLoader(_ => null).Check(yaml, "t").Problems);
    }
}
