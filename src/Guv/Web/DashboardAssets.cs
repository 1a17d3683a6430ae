using System.Reflection;

namespace Guv.Web;

/// <summary>The dashboard's files, embedded in the assembly so it works offline and ships as one program.</summary>
public static class DashboardAssets
{
    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
    };

    /// <summary>The names served, such as <c>index.html</c>.</summary>
    public static IEnumerable<string> Names =>
        typeof(DashboardAssets).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("dashboard/", StringComparison.Ordinal))
            .Select(n => n["dashboard/".Length..]);

    /// <summary>Reads a file; null when there is none of that name.</summary>
    public static (byte[] Content, string ContentType)? Read(string name)
    {
        using var stream = typeof(DashboardAssets).Assembly.GetManifestResourceStream("dashboard/" + name);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return (copy.ToArray(), ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream"));
    }
}
