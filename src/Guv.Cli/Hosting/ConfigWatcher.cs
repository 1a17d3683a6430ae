using System.Runtime.InteropServices;
using Guv.Configuration;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>
/// Reloads the config of a running guv when its file changes or on SIGHUP. A new config that validates and passes
/// the preflight goes to <c>apply</c> (the governor uses it from its next tick, each role keeping its history); an
/// invalid one is logged problem by problem, as <c>guv validate</c> prints them, and the old config keeps running.
/// </summary>
internal sealed partial class ConfigWatcher : IDisposable
{
    // Editors save in bursts (truncate, write, rename): wait for the file to settle before reading it.
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    private readonly string? _path;
    private readonly ConfigLoader _loader;
    private readonly Action<GuvConfig> _apply;
    private readonly ILogger _log;
    private readonly Lock _gate = new();
    private readonly Timer _debounce;
    private readonly FileSystemWatcher? _files;
    private readonly PosixSignalRegistration? _hangup;
    private string? _lastText;

    private ConfigWatcher(string? path, ConfigLoader loader, Action<GuvConfig> apply, ILogger log)
    {
        _path = path;
        _lastText = path is null ? null : ReadOrNull(path);
        _loader = loader;
        _apply = apply;
        _log = log;
        _debounce = new Timer(_ => Reload("the config file changed"));
        if (path is not null)
        {
            var full = Path.GetFullPath(path);
            _files = new FileSystemWatcher(Path.GetDirectoryName(full)!, Path.GetFileName(full))
            {
                NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
            };
            _files.Changed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
            _files.Created += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
            _files.Renamed += (_, _) => _debounce.Change(Settle, Timeout.InfiniteTimeSpan);
            _files.EnableRaisingEvents = true;
        }

        if (!OperatingSystem.IsWindows())
        {
            _hangup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true; // SIGHUP would otherwise end the process
                ThreadPool.QueueUserWorkItem(_ => Reload("SIGHUP"));
            });
        }
    }

    /// <summary>Starts watching the config file (null when the config came from GUV_CONFIG) and SIGHUP.</summary>
    /// <param name="path">The config file, or null.</param>
    /// <param name="loader">Loads new configs with the same options as the first.</param>
    /// <param name="apply">Receives each valid new config.</param>
    /// <param name="log">Where reloads and rejections are reported.</param>
    public static ConfigWatcher Start(
        string? path,
        ConfigLoader loader,
        Action<GuvConfig> apply,
        ILogger log) => new(path, loader, apply, log);

    /// <summary>Reads the file and applies it when it is valid; returns true when a new config was applied.</summary>
    public bool Reload(string reason)
    {
        lock (_gate)
        {
            if (_path is null)
            {
                LogCannotReload(_log, reason);
                return false;
            }

            string text;
            try
            {
                text = File.ReadAllText(_path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogRejected(_log, reason, $"{_path}: cannot read the config: {e.Message}");
                return false;
            }

            if (text == _lastText)
            {
                LogUnchanged(_log, reason, _path);
                return false;
            }

            return Apply(reason, text);
        }
    }

    public void Dispose()
    {
        _hangup?.Dispose();
        _files?.Dispose();
        _debounce.Dispose();
    }

    /// <summary>The text in force at the start, so that a save without changes reloads nothing.</summary>
    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private bool Apply(string reason, string text)
    {
        var result = _loader.Check(text, _path!);
        if (result.Problems.Count > 0)
        {
            foreach (var problem in result.Problems)
            {
                LogRejected(_log, reason, problem.ToString());
            }

            LogKeeping(_log, result.Problems.Count);
            return false;
        }

        var config = result.Config!;
        try
        {
            GovernorHost.Preflight(config);
        }
        catch (UserError e)
        {
            LogRejected(_log, reason, e.Message);
            LogKeeping(_log, 1);
            return false;
        }

        _lastText = text;
        foreach (var warning in config.Warnings)
        {
            CliLog.ConfigWarning(_log, warning.ToString());
        }

        _apply(config);
        LogReloaded(_log, reason, _path!, config.Roles.Count);
        return true;
    }
}
