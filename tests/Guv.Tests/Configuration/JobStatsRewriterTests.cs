using Guv.Configuration;

namespace Guv.Tests.Configuration;

public sealed class JobStatsRewriterTests
{
    private static readonly Dictionary<string, RoleStats> Resize = new() { ["resize"] = new(12.5, 3.25) };

    public static TheoryData<string, string, string> Rewrites() => new()
    {
        // Block style: values change, comments and the shorthand stay.
        { "block, shorthand kept",
            "# shop workers\n'*': {app: shop}\nresize:\n  p: 10 # measured in May\n  stddev: 4\n  max: 8\n",
            "# shop workers\n'*': {app: shop}\nresize:\n  p: 12.5 # measured in May\n  stddev: 3.25\n  max: 8\n" },
        { "flow style", "resize: {d: 60, processing: 10, stddev: 4}\n", "resize: {d: 60, processing: 12.5, stddev: 3.25}\n" },
        // Keys the role does not write yet are added in the role's own style.
        { "flow, keys added", "resize: {d: 60}\n", "resize: {d: 60, processing: 12.5, stddev: 3.25}\n" },
        { "empty braces", "resize: {}\nother: {}\n", "resize: {processing: 12.5, stddev: 3.25}\nother: {}\n" },
        { "block, keys added", "resize:\n    d: 60 # slow\nother: {}\n",
            "resize:\n    d: 60 # slow\n    processing: 12.5\n    stddev: 3.25\nother: {}\n" },
        { "block, last line without newline", "resize:\n  d: 60", "resize:\n  d: 60\n  processing: 12.5\n  stddev: 3.25" },
        { "block, ends in a block scalar", "resize:\n  max: 3\n  command: |\n    ./work\nthumbs: {}\n",
            "resize:\n  max: 3\n  command: |\n    ./work\n  processing: 12.5\n  stddev: 3.25\nthumbs: {}\n" },
        { "Windows line endings", "resize:\r\n  d: 60\r\nthumbs: {}\r\n",
            "resize:\r\n  d: 60\r\n  processing: 12.5\r\n  stddev: 3.25\r\nthumbs: {}\r\n" },
        { "role without value", "resize:\nother: {}\n", "resize: {processing: 12.5, stddev: 3.25}\nother: {}\n" },
        { "role without value, with a comment", "resize:   # later\nother: {}\n",
            "resize: {processing: 12.5, stddev: 3.25}   # later\nother: {}\n" },
        { "role without value at the end", "other: {}\nresize:", "other: {}\nresize: {processing: 12.5, stddev: 3.25}" },
        { "quoted role name", "'resize': {p: 1}\n", "'resize': {p: 12.5, stddev: 3.25}\n" },
        { "role with null", "resize: ~ # all defaults\n", "resize: {processing: 12.5, stddev: 3.25} # all defaults\n" },
        { "quoted value", "resize: {p: \"10\"}\n", "resize: {p: 12.5, stddev: 3.25}\n" },
        { "JSON", "{\n\t\"resize\": {\"p\": 10, \"stddev\": 4}\n}\n",
            "{\n\t\"resize\": {\"p\": 12.5, \"stddev\": 3.25}\n}\n" },
        { "other roles untouched", "a: {p: 1}\nresize: {p: 2}\nz: {p: 3}\n",
            "a: {p: 1}\nresize: {p: 12.5, stddev: 3.25}\nz: {p: 3}\n" },
    };

    [Theory]
    [MemberData(nameof(Rewrites))]
    public void Rewrite_ChangesOnlyTheNumbers(string layout, string before, string after)
    {
        var update = JobStatsRewriter.Rewrite(before, Resize);

        Assert.True(after == update.Text, $"{layout}:\n{update.Text}");
    }

    public static TheoryData<string, string> Removals() => new()
    {
        // A new mean without a stddev drops the old stddev, as guv 0.3 did: it belonged to the old mean.
        { "resize: {p: 10, stddev: 4, max: 3}\n", "resize: {p: 12.5, max: 3}\n" },
        { "resize: {stddev: 4, p: 10}\n", "resize: {p: 12.5}\n" },
        { "resize:\n  p: 10\n  stddev: 4 # old\n  max: 3\n", "resize:\n  p: 12.5\n  max: 3\n" },
    };

    [Theory]
    [MemberData(nameof(Removals))]
    public void Rewrite_AverageWithoutStddev_RemovesTheOldStddev(string before, string after)
    {
        var update = JobStatsRewriter.Rewrite(before, new Dictionary<string, RoleStats> { ["resize"] = new(12.5, null) });

        Assert.Equal(after, update.Text);
        Assert.Equal(["resize: processing 10 -> 12.5, stddev 4 -> removed (half of processing)"], update.Changes);
    }

    [Fact]
    public void Rewrite_RoleNotInTheConfig_IsReportedAndNotAdded()
    {
        var stats = new Dictionary<string, RoleStats> { ["resize"] = new(2, 1), ["ghost"] = new(1, 1) };

        var update = JobStatsRewriter.Rewrite("resize: {p: 3}\n", stats);

        Assert.Equal("resize: {p: 2, stddev: 1}\n", update.Text);
        Assert.Equal(["ghost"], update.Missing);
        Assert.Equal(["resize: processing 3 -> 2, stddev unset -> 1"], update.Changes);
    }

    [Fact]
    public void Rewrite_RoleWrittenAsAlias_IsSkippedWithAReason()
    {
        var update = JobStatsRewriter.Rewrite("base: &b {p: 3}\nresize: *b\n", Resize);

        Assert.Equal("base: &b {p: 3}\nresize: *b\n", update.Text);
        Assert.Equal(["resize: its settings are not written as a mapping here; change them by hand"], update.Skipped);
    }

    [Fact]
    public void Rewrite_Result_LoadsWithTheNewValues()
    {
        var update = JobStatsRewriter.Rewrite("'*': {d: 120}\nresize:\n  q: jobs\n", Resize);

        var role = new ConfigLoader(_ => null).Load(update.Text, "t").Roles[0];
        Assert.Equal((12.5, 3.25, "jobs", 120), (role.Processing, role.Stddev, role.Queue, role.Deadline));
    }

    [Theory]
    [InlineData(12.3456, "12.346")]
    [InlineData(10, "10")]
    [InlineData(0.0004, "0.0004")]
    public void Format_KeepsThreeDecimalsButNeverRoundsToZero(double seconds, string expected)
    {
        Assert.Equal(expected, JobStatsRewriter.Format(seconds));
    }
}
