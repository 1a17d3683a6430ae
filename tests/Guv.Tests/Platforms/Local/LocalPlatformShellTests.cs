using System.Diagnostics;
using Guv.Configuration;
using Guv.Platforms;
using Guv.Platforms.Local;
using Guv.Tests.Support;

namespace Guv.Tests.Platforms.Local;

/// <summary>
/// The local platform runs a command through a shell only when the role says <c>shell: true</c> (issue #6): without
/// it, <c>;</c>, <c>$VAR</c> and <c>|</c> reach the program as plain words.
/// </summary>
public sealed class LocalPlatformShellTests
{
    [Theory]
    // Each row: the command, whether the role asks for a shell, and the lines the worker prints.
    [InlineData("/bin/echo one; /bin/echo two", false, "one; /bin/echo two")]
    [InlineData("/bin/echo one; /bin/echo two", true, "one\ntwo")]
    [InlineData("/bin/echo $GUV_ROLE", false, "$GUV_ROLE")]
    [InlineData("/bin/echo $GUV_ROLE", true, "images")]
    [InlineData("/bin/echo abc | tr a-z A-Z", false, "abc | tr a-z A-Z")]
    [InlineData("/bin/echo abc | tr a-z A-Z", true, "ABC")]
    public async Task Scale_Command_IsInterpretedByAShellOnlyWithShellTrue(string command, bool shell, string expected)
    {
        var log = new ListLogger<LocalPlatform>();
        var role = new RoleOptions
        {
            Name = "images", Worker = "images", Queue = "images", Platform = PlatformNames.Local,
            Command = command, Shell = shell, StopTimeout = 1,
        };
        await using var platform = new LocalPlatform(TimeProvider.System, log);

        await platform.ScaleAsync([new ScaleRequest(role, 0, 1)], CancellationToken.None);
        var printed = await PrintedAsync(log, expected.Split('\n').Length);

        Assert.Equal(expected.Split('\n').Select(line => $"[images.1] {line}"), printed);
    }

    [Fact]
    public void CheckCommand_WithShell_ChecksTheShellNotTheFirstWord()
    {
        var role = new RoleOptions
        {
            Name = "images", Worker = "images", Queue = "images", Platform = PlatformNames.Local,
            Command = "cd /tmp && ./no-such-worker", Shell = true,
        };

        Assert.Null(LocalPlatform.CheckCommand(role));
        Assert.Equal(["/bin/sh", "-c", "cd /tmp && ./no-such-worker"], LocalPlatform.Argv(role));
        Assert.NotNull(LocalPlatform.CheckCommand(role with { Shell = false }));
    }

    private static async Task<IReadOnlyList<string>> PrintedAsync(ListLogger<LocalPlatform> log, int lines)
    {
        var clock = Stopwatch.StartNew();
        while (log.Messages(3001).Count < lines && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }

        await Task.Delay(200); // a line too many would show up now
        return log.Messages(3001);
    }
}
