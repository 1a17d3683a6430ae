using Guv.Cli;
using Guv.Cli.Commands;

namespace Guv.Tests.Cli.Commands;

public sealed class JobTimesCsvTests
{
    [Fact]
    public void Read_RowsWithHeaderCommentsAndQuotes_GroupsTimesByRole()
    {
        var csv = "# exported 2026-12-01\nrole,seconds\nresize,1.5\n\n\"thumbs\",\"0.25\"\nresize,2.5,extra\n";

        var times = JobTimesCsv.Read(new StringReader(csv), "jobs.csv");

        Assert.Equal([1.5, 2.5], times["resize"]);
        Assert.Equal([0.25], times["thumbs"]);
    }

    [Fact]
    public void Read_BadRows_NamesEachWithItsLine()
    {
        var csv = "resize,1\nresize,abc\nresize,-2\nresize\n";

        var error = Assert.Throws<UserError>(() => JobTimesCsv.Read(new StringReader(csv), "jobs.csv"));

        Assert.Equal(
            "jobs.csv:2: expected 'role,seconds' with seconds a number of zero or more, got 'resize,abc'"
            + $"{Environment.NewLine}guv: jobs.csv:3: expected 'role,seconds' with seconds a number of zero or more, "
            + "got 'resize,-2'"
            + $"{Environment.NewLine}guv: jobs.csv:4: expected 'role,seconds' with seconds a number of zero or more, "
            + "got 'resize'",
            error.Message);
    }

    [Fact]
    public void Read_SemicolonsAndDecimalCommas_SaysHowToWriteThem()
    {
        var error = Assert.Throws<UserError>(() => JobTimesCsv.Read(new StringReader("resize,1\nresize;1,5\n"), "j.csv"));

        Assert.Equal("j.csv:2: expected 'role,seconds' with seconds a number of zero or more, got 'resize;1,5' "
            + "(separate the role and the seconds with a comma, and write decimals with a dot)", error.Message);
    }

    [Fact]
    public void Read_OnlyAHeader_SaysWhatRowsToWrite()
    {
        var error = Assert.Throws<UserError>(() => JobTimesCsv.Read(new StringReader("role,seconds\n"), "jobs.csv"));

        Assert.Equal("jobs.csv has no rows; write one 'role,seconds' row per job", error.Message);
    }
}
