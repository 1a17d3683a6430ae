namespace Guv.Cli.Hosting;

/// <summary>
/// Replaces a file's text all at once: the new text goes to a temporary file beside it, which is then renamed over
/// the original. A crash or a full disk leaves the original as it was, never half written.
/// </summary>
internal static class AtomicFile
{
    public static void WriteAllText(string path, string text)
    {
        // Write through a symlink to the file it points at, so the link stays a link.
        var target = File.ResolveLinkTarget(path, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(target)!,
            $".{Path.GetFileName(target)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream))
            {
                writer.Write(text);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
