using Guv.Tests.Support.Heroku;

namespace Guv.Tests.Platforms.Heroku;

/// <summary>
/// A fresh Heroku double per test with two apps: <c>alpha</c> runs <c>resizer</c> (2 Performance-L dynos, limit 10)
/// and <c>uploader</c> (1 Standard-2X); <c>beta</c> runs <c>mailer</c> (1 Standard-1X).
/// </summary>
public abstract class HerokuDoubleTestBase : IAsyncLifetime
{
    /// <summary>Three roles on the two apps; the key and API address come from the environment.</summary>
    protected const string TwoApps = """
        '*': {app: alpha, max: 20}
        resize: {worker: resizer}
        upload: {worker: uploader}
        mail: {app: beta, worker: mailer}
        """;

    protected HerokuDouble Heroku { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Heroku = await HerokuDouble.StartAsync();
        Heroku.AddApp("alpha", ("resizer", 2, "performance-l"), ("uploader", 1, "standard-2x"));
        Heroku.AddApp("beta", ("mailer", 1, "standard-1x"));
    }

    public async Task DisposeAsync() => await Heroku.DisposeAsync();
}
