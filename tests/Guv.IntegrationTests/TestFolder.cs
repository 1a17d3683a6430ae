namespace Guv.IntegrationTests;

/// <summary>A temporary folder for one test, with a worker script that just waits to be stopped.</summary>
internal sealed class TestFolder : IDisposable
{
    public TestFolder()
    {
        Path = Directory.CreateTempSubdirectory("guv-it-").FullName;
        Worker = System.IO.Path.Combine(Path, "worker.sh");
        // A worker that takes no jobs keeps the queue full, so the test sees the scale-up hold still.
        File.WriteAllText(Worker, "#!/bin/sh\nexec sleep 600\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Worker, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string Path { get; }

    /// <summary>The worker command for a local role.</summary>
    public string Worker { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A process that just exited may still hold a file; a temp folder left behind does no harm.
        }
    }
}
