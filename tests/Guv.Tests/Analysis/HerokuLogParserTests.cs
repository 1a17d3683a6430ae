using System.Text.RegularExpressions;
using Guv.Analysis;

namespace Guv.Tests.Analysis;

public class HerokuLogParserTests
{
    // Two dynos asked for at 12:00:00; worker.2 is stopped at 12:10:00; worker.1 is restarted by Heroku (cycling).
    internal const string Log = """
        2026-12-01T12:00:00.000000+00:00 heroku[api]: Scale to guv=1, worker=2 by user@example.com
        2026-12-01T12:00:20.000000+00:00 heroku[worker.1]: Starting process with command `node worker.js`
        2026-12-01T12:00:25.000000+00:00 heroku[worker.2]: Starting process with command `node worker.js`
        2026-12-01T12:00:22.000000+00:00 heroku[worker.1]: State changed from starting to up
        2026-12-01T12:00:30.000000+00:00 app[worker.1]: worker ready, consuming 'resize'
        2026-12-01T12:00:45.000000+00:00 app[worker.2]: worker ready, consuming 'resize'
        2026-12-01T12:05:00.000000+00:00 app[worker.2]: job 17 done
        2026-12-01T12:10:00.000000+00:00 heroku[api]: Scale to worker=1 by user@example.com
        2026-12-01T12:10:01.000000+00:00 heroku[worker.2]: Stopping all processes with SIGTERM
        2026-12-01T12:10:05.000000+00:00 heroku[worker.2]: Process exited with status 0
        2026-12-01T12:20:00.000000+00:00 heroku[worker.1]: Cycling
        2026-12-01T12:20:00.000000+00:00 heroku[worker.1]: Stopping all processes with SIGTERM
        2026-12-01T12:20:02.000000+00:00 heroku[worker.1]: Process exited with status 143
        2026-12-01T12:20:03.000000+00:00 heroku[worker.1]: Starting process with command `node worker.js`
        2026-12-01T12:20:13.000000+00:00 app[worker.1]: worker ready, consuming 'resize'
        this line is not from Heroku
        """;

    [Fact]
    public void Read_ScaleStartReadyStopExit_MeasuresEachDynoRun()
    {
        var lives = Parse(Log);

        Assert.Equal(3, lives.Count);
        var first = lives[0];
        Assert.Equal(("worker.1", 30.0, 10.0, 2.0, 1182.0), (first.Dyno, first.Boot, first.Startup, first.Shutdown, first.Uptime));
        var second = lives[1];
        Assert.Equal(("worker.2", 45.0, 20.0, 4.0, 580.0), (second.Dyno, second.Boot, second.Startup, second.Shutdown, second.Uptime));
        var restart = lives[2];
        Assert.Null(restart.Boot); // Heroku's daily restart was not a scale request
        Assert.Equal(10.0, restart.Startup);
        Assert.Null(restart.Uptime);
    }

    [Fact]
    public void Statistics_OfTheRuns_SummariseAndShareTheBillingSpentStarting()
    {
        var stats = Assert.Single(WorkerStatistics.Of(Parse(Log)));

        Assert.Equal("worker", stats.Type);
        Assert.Equal(new Summary(2, 30, 30, 45, 45), stats.Boot);
        Assert.Equal(new Summary(3, 10, 10, 20, 20), stats.Startup);
        Assert.Equal(30.0 / 1762.0, stats.BootingShare!.Value, 9);
    }

    private static IReadOnlyList<DynoLife> Parse(string log)
    {
        var parser = new HerokuLogParser(new Regex("worker ready"));
        foreach (var line in log.Split('\n'))
        {
            parser.Read(line);
        }

        return parser.Lives;
    }
}
