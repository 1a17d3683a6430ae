using System.Runtime.InteropServices;

namespace Guv.Platforms.Local;

/// <summary>Sends SIGTERM, which .NET's Process API cannot (it only kills).</summary>
internal static partial class PosixSignals
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to stop; false when it is already gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
