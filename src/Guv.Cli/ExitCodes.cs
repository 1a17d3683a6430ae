namespace Guv.Cli;

/// <summary>guv's exit codes, documented in the README so scripts can rely on them.</summary>
internal static class ExitCodes
{
    /// <summary>Everything went as asked.</summary>
    public const int Ok = 0;

    /// <summary>Invalid input: a config, a file or a value guv cannot use; the message says which and how to fix it.</summary>
    public const int InvalidInput = 1;

    /// <summary>The command line itself is wrong: an unknown command or option, or a missing argument.</summary>
    public const int Usage = 2;

    /// <summary>Stopped by Ctrl-C or SIGTERM.</summary>
    public const int Interrupted = 130;
}
