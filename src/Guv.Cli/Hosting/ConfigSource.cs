using Guv.Configuration;

namespace Guv.Cli.Hosting;

/// <summary>Finds the config: the file given, else the YAML text in env <c>GUV_CONFIG</c>.</summary>
internal static class ConfigSource
{
    /// <summary>The name messages use for a config that came from the environment.</summary>
    public const string EnvironmentVariable = "GUV_CONFIG";

    public static GuvConfig Load(string? path, ConfigLoader? loader = null)
    {
        loader ??= new ConfigLoader();
        var (text, source) = ReadText(path);
        return loader.Load(text, source);
    }

    /// <summary>Reads the config text and names its source.</summary>
    /// <exception cref="ConfigException">The file cannot be read.</exception>
    /// <exception cref="UserError">Neither a file nor GUV_CONFIG was given.</exception>
    public static (string Text, string Source) ReadText(string? path, Func<string, string?>? environment = null)
    {
        if (!string.IsNullOrEmpty(path))
        {
            try
            {
                return (File.ReadAllText(path), path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var reason = e switch
                {
                    FileNotFoundException or DirectoryNotFoundException => "no such file",
                    _ when Directory.Exists(path) => "it is a folder, not a file",
                    _ => e.Message.TrimEnd('.'),
                };
                throw new ConfigException([
                    new ConfigProblem(path, 0, 0, null, null, $"cannot read the config: {reason}",
                        "Check the path, or leave it out to use the YAML text in the GUV_CONFIG environment variable."),
                ]);
            }
        }

        var text = (environment ?? Environment.GetEnvironmentVariable)(EnvironmentVariable);
        return text is null
            ? throw new UserError(
                "no config: give a config file, or put the config's YAML text in the GUV_CONFIG environment variable")
            : (text, EnvironmentVariable);
    }
}
