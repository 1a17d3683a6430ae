using Guv.Platforms;
using Guv.Platforms.Heroku;
using Guv.Queues;
using Guv.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Guv.Tests.Governor;

/// <summary>5,000 roles over 200 apps and 20 vhosts: one management request per vhost, one platform call per app.</summary>
public class ScaleTests
{
    [Fact]
    public async Task FiveThousandRoles_OneRequestPerVhostAndPerApp()
    {
        const int roles = 5000, apps = 200, vhosts = 20;
        var config = Fleet.Config(roles, apps, vhosts);
        using var handler = new FleetHandler();
        Fleet.Fill(handler, roles, apps, vhosts, i => i % 7 == 0 ? 40 : 0);
        using var http = new HttpClient(handler);
        await using var platforms = new PlatformSet([
            new HerokuPlatform(http, TimeProvider.System, NullLogger<HerokuPlatform>.Instance)]);
        var governor = new Guv.Governor.Governor(config, new RabbitMqManagementSource(http), platforms,
            TimeProvider.System, NullLogger<Guv.Governor.Governor>.Instance);

        var first = await governor.TickAsync(CancellationToken.None);

        Assert.All(first.Roles, r => Assert.Null(r.Error));
        Assert.Equal(vhosts, handler.Requests["GET queues"]);
        Assert.Equal(apps, handler.Requests["GET formation"]);
        Assert.Equal(apps, handler.Requests["PATCH formation"]); // every app has roles with 40 jobs
        Assert.Equal(11, handler.Quantity("a0", "w0"));
        Assert.Equal(0, handler.Quantity("a1", "w1"));

        // Nothing changed: the next tick reads again but sends no scale request at all.
        handler.ResetCounts();
        await governor.TickAsync(CancellationToken.None);
        Assert.Equal(vhosts, handler.Requests["GET queues"]);
        Assert.False(handler.Requests.ContainsKey("PATCH formation"));
    }
}
