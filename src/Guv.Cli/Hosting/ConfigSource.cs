using Guv.Configuration;

namespace Guv.Cli.Hosting;

/// <summary>Finds the config: the <c>--config</c> file, else the YAML text in env <c>GUV_CONFIG</c>.</summary>
internal static class ConfigSource
{
    public static GuvConfig Load(string? path, ConfigLoader? loader = null)
    {
        loader ??= new ConfigLoader();
        if (!string.IsNullOrEmpty(path))
        {
            return loader.LoadFile(path);
        }

        var text = Environment.GetEnvironmentVariable("GUV_CONFIG");
        if (text is null)
        {
            throw new UserError(
                "no config: give --config FILE, or put the config's YAML text in the GUV_CONFIG environment variable");
        }

        return loader.Load(text, "GUV_CONFIG");
    }
}
