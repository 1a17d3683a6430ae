using Guv.Configuration;
using Guv.Platforms;
using Guv.Platforms.Heroku;
using Guv.Tests.Support;
using Guv.Tests.Support.Heroku;

namespace Guv.Tests.Platforms.Heroku;

/// <summary>Configs and platforms aimed at a <see cref="HerokuDouble"/>, with short waits so retries stay quick.</summary>
internal static class HerokuTestConfig
{
    /// <summary>One client for every test, as guv shares one: each test's double has its own port.</summary>
    public static readonly HttpClient Http = new();

    public static readonly HerokuPlatformOptions FastRetries = new()
    {
        Retry = new RetryOptions
        {
            AttemptTimeout = TimeSpan.FromSeconds(5),
            FirstDelay = TimeSpan.FromMilliseconds(10),
            MaxDelay = TimeSpan.FromMilliseconds(40),
        },
    };

    /// <summary>Loads a config whose key and API address come from the environment, as on a real dyno.</summary>
    public static GuvConfig Load(HerokuDouble heroku, string yaml, string? key = HerokuDouble.Key) =>
        new ConfigLoader(name => name switch
        {
            "HEROKU_API_KEY" => key,
            "GUV_HEROKU_API" => heroku.Url,
            "GUV_BROKER" => "amqp://guest:guest@127.0.0.1:5672/",
            _ => null,
        }).Load(yaml, "test.guv.yaml");

    public static HerokuPlatform Platform(
        HttpClient http,
        TimeProvider? time = null,
        ListLogger<HerokuPlatform>? log = null,
        HerokuPlatformOptions? options = null) =>
        new(http, time ?? TimeProvider.System, log ?? new ListLogger<HerokuPlatform>(), options ?? FastRetries);

    public static ScaleRequest Request(GuvConfig config, string role, int? from, int to) => new(config.Find(role)!, from, to);
}
