using Guv.Tests.Support;
using System.Collections.Concurrent;
using System.Diagnostics;
using Guv.Cli.Hosting;
using Guv.Configuration;
using Microsoft.Extensions.Logging;

namespace Guv.Tests.Cli.Hosting;

public sealed class ConfigWatcherTests : IDisposable
{
    private const string Base = "'*': {broker: 'amqp://guest:guest@127.0.0.1:20201/', platform: local, command: /bin/sh}\n";
    private readonly string _folder = Directory.CreateTempSubdirectory("guv-watch-").FullName;
    private readonly ListLogger<ConfigWatcherTests> _log = new();
    private readonly ConcurrentQueue<GuvConfig> _applied = new();

    private string ConfigPath => Path.Combine(_folder, "w.guv.yaml");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private ConfigWatcher Start(string text)
    {
        File.WriteAllText(ConfigPath, text);
        return ConfigWatcher.Start(ConfigPath, new ConfigLoader(_ => null), _applied.Enqueue, _log);
    }

    [Fact]
    public void Reload_ValidChange_AppliesTheNewConfig()
    {
        using var watcher = Start(Base + "w1: {max: 3}\n");
        File.WriteAllText(ConfigPath, Base + "w1: {max: 7}\nw2: {}\n");

        Assert.True(watcher.Reload("test"));

        var config = Assert.Single(_applied);
        Assert.Equal([7, 5], config.Roles.Select(r => r.Maximum));
        Assert.Contains($"config reloaded (test) from {ConfigPath}: 2 roles, in force from the next tick", _log.Lines);
    }

    [Fact]
    public void Reload_InvalidConfig_KeepsTheOldOneAndLogsTheValidateMessages()
    {
        using var watcher = Start(Base + "w1: {max: 3}\n");
        File.WriteAllText(ConfigPath, Base + "w1: {procesing: 3, max: 2, min: 4}\n");

        Assert.False(watcher.Reload("SIGHUP"));

        Assert.Empty(_applied);
        Assert.Equal([
            $"config reload (SIGHUP) rejected: {ConfigPath}:2:6: role 'w1', key 'procesing': unknown key 'procesing'. "
                + "Did you mean 'processing'? Use --allow-key to accept a key of your own.",
            $"config reload (SIGHUP) rejected: {ConfigPath}:2:28: role 'w1', key 'minimum': minimum 4 is above maximum "
                + "2. Lower minimum or raise maximum so that minimum <= maximum.",
            "keeping the config in force; fix the 2 problem(s) above and save again (or send SIGHUP)",
        ], _log.Lines);
    }

    [Fact]
    public void Reload_ConfigThatCannotRun_IsRejectedByThePreflight()
    {
        using var watcher = Start(Base + "w1: {}\n");
        File.WriteAllText(ConfigPath, Base + "w1: {command: /no/such/worker}\n");

        Assert.False(watcher.Reload("test"));

        Assert.Empty(_applied);
        Assert.StartsWith("config reload (test) rejected: role 'w1': the worker command '/no/such/worker' does not exist",
            _log.Lines[0]);
    }

    [Fact]
    public void Reload_FileUnchanged_AppliesNothing()
    {
        using var watcher = Start(Base + "w1: {}\n");

        Assert.False(watcher.Reload("test"));
        Assert.Empty(_applied);
    }

    [Fact]
    public void Reload_ConfigFromEnvironment_SaysHowToChangeIt()
    {
        using var watcher = ConfigWatcher.Start(null, new ConfigLoader(_ => null), _applied.Enqueue, _log);

        Assert.False(watcher.Reload("SIGHUP"));
        Assert.Equal(["SIGHUP: the config came from GUV_CONFIG, which a running process cannot re-read; restart guv to "
            + "change it, or run it with a config file"], _log.Lines);
    }

    [Fact]
    public async Task FileSaved_ReloadsWithoutBeingAsked()
    {
        using var watcher = Start(Base + "w1: {max: 3}\n");

        // As editors and 'guv update-jobstats' save: a new file renamed over the old one.
        var temporary = ConfigPath + ".tmp";
        await File.WriteAllTextAsync(temporary, Base + "w1: {max: 9}\n");
        File.Move(temporary, ConfigPath, overwrite: true);

        Assert.Equal(9, (await Eventually()).Roles[0].Maximum);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Sighup_ReloadsTheFile()
    {
        using var watcher = Start(Base + "w1: {max: 3}\n");
        var pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        // The real signal, sent to this test process: the watcher must catch it, or the process would end.
        using (var kill = Process.Start("kill", ["-HUP", pid]))
        {
            await kill.WaitForExitAsync();
        }

        var expected = $"SIGHUP: {ConfigPath} is unchanged, nothing to reload";
        for (var waited = 0; waited < 10_000 && !_log.Lines.Contains(expected); waited += 50)
        {
            await Task.Delay(50);
        }

        Assert.Contains(expected, _log.Lines);
    }

    private async Task<GuvConfig> Eventually()
    {
        for (var waited = 0; waited < 10_000; waited += 50)
        {
            if (_applied.TryPeek(out var config))
            {
                return config;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("no config was applied within 10 s");
    }
}
