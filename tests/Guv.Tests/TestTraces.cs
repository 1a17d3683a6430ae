namespace Guv.Tests;

/// <summary>Finds the real traces: env GUV_TRACES, else shared/traces beside the checkout (never copied into it).</summary>
internal static class TestTraces
{
    public static string Path(string file)
    {
        var folder = Environment.GetEnvironmentVariable("GUV_TRACES");
        if (string.IsNullOrEmpty(folder))
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "guv.sln")))
            {
                dir = dir.Parent;
            }

            folder = System.IO.Path.Combine(dir?.Parent?.FullName ?? ".", "shared", "traces");
        }

        var path = System.IO.Path.Combine(folder, file);
        Assert.True(File.Exists(path),
            $"the trace {path} is missing: set GUV_TRACES to the folder of the shared traces, or run scripts/test");
        return path;
    }
}
