using System.Globalization;
using System.Text.RegularExpressions;

namespace Guv.Analysis;

/// <summary>
/// Reads Heroku log lines (<c>heroku logs</c>, a log drain) into dyno runs: scale requests from
/// <c>heroku[api]: Scale to worker=10, ...</c>, and per dyno <c>Starting process</c>, the app's own line that
/// says it is ready (matched by a pattern the user gives), <c>Stopping all processes with SIGTERM</c> and
/// <c>Process exited with status N</c>. Lines of other shapes are skipped.
/// </summary>
public sealed partial class HerokuLogParser(Regex started)
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _requested = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DynoLife> _running = new(StringComparer.Ordinal);
    private readonly List<DynoLife> _done = [];

    /// <summary>Lines read that had the Heroku log shape.</summary>
    public int Lines { get; private set; }

    /// <summary>Reads one line.</summary>
    public void Read(string line)
    {
        var match = LogLine().Match(line);
        if (!match.Success || !DateTimeOffset.TryParse(match.Groups["at"].Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var at))
        {
            return;
        }

        Lines++;
        var (source, dyno, message) = (match.Groups["source"].Value, match.Groups["dyno"].Value, match.Groups["message"].Value);
        if (source == "heroku" && dyno == "api")
        {
            ReadScale(at, message);
        }
        else if (source == "heroku")
        {
            ReadPlatform(at, dyno, message);
        }
        else if (_running.TryGetValue(dyno, out var life) && life.Started is null && started.IsMatch(message))
        {
            _running[dyno] = life with { Started = at };
        }
    }

    /// <summary>Every dyno run read, finished or still running at the end of the log.</summary>
    public IReadOnlyList<DynoLife> Lives => _done.Concat(_running.Values).OrderBy(l => l.Starting).ToList();

    private void ReadScale(DateTimeOffset at, string message)
    {
        if (!message.StartsWith("Scale to ", StringComparison.Ordinal))
        {
            return;
        }

        foreach (Match pair in ScalePair().Matches(message))
        {
            var type = pair.Groups["type"].Value;
            var count = int.Parse(pair.Groups["count"].Value, CultureInfo.InvariantCulture);
            var before = _counts.GetValueOrDefault(type);
            // Heroku numbers dynos from 1: raising 3 to 5 starts type.4 and type.5.
            for (var index = before + 1; index <= count; index++)
            {
                _requested[$"{type}.{index}"] = at;
            }

            _counts[type] = count;
        }
    }

    private void ReadPlatform(DateTimeOffset at, string dyno, string message)
    {
        if (message.StartsWith("Starting process", StringComparison.Ordinal))
        {
            Finish(dyno);
            // A request counts for the first start after it only: a daily restart was not asked for.
            DateTimeOffset? requested = _requested.Remove(dyno, out var r) ? r : null;
            _running[dyno] = new DynoLife(dyno, requested, at, null, null, null);
        }
        else if (message.StartsWith("Stopping all processes with SIGTERM", StringComparison.Ordinal)
                 && _running.TryGetValue(dyno, out var stopping))
        {
            _running[dyno] = stopping with { Stopping = stopping.Stopping ?? at };
        }
        else if (message.StartsWith("Process exited with status", StringComparison.Ordinal)
                 && _running.TryGetValue(dyno, out var exited))
        {
            _running[dyno] = exited with { Exited = at };
            Finish(dyno);
        }
    }

    private void Finish(string dyno)
    {
        if (_running.Remove(dyno, out var life))
        {
            _done.Add(life);
        }
    }

    [GeneratedRegex(@"^(?<at>\d{4}-\d\d-\d\dT\S+)\s+(?<source>app|heroku)\[(?<dyno>[^\]]+)\]:\s?(?<message>.*)$")]
    private static partial Regex LogLine();

    [GeneratedRegex(@"(?<type>[A-Za-z0-9_-]+)=(?<count>\d+)(?::\S+)?")]
    private static partial Regex ScalePair();
}
