using System.Globalization;
using System.Text;
using Guv.Configuration;

namespace Guv.Tests.Support;

/// <summary>A generated fleet: <c>roles</c> Heroku roles spread over <c>apps</c> apps and <c>vhosts</c> vhosts.</summary>
public static class Fleet
{
    /// <summary>The config text; role i runs as process type w{i} of app a{i % apps}, queue q{i} in vhost v{i % vhosts}.</summary>
    public static string Yaml(int roles, int apps, int vhosts)
    {
        var text = new StringBuilder("'*': {pollinterval: 30, apikey: bench-key, heroku_api: 'http://127.0.0.1:1/', ")
            .Append("management: 'http://127.0.0.1:2/', minimum: 0, maximum: 50}\n");
        for (var i = 0; i < roles; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"r{i}: {{broker: 'amqp://guest:guest@127.0.0.1/v{i % vhosts}', app: a{i % apps}, w: w{i}, q: q{i}}}\n");
        }

        return text.ToString();
    }

    /// <summary>Loads the generated config.</summary>
    public static GuvConfig Config(int roles, int apps, int vhosts) =>
        new ConfigLoader(_ => null).Load(Yaml(roles, apps, vhosts), "fleet");

    /// <summary>Sets every queue's jobs from <paramref name="jobs"/>(role index) and declares every process type.</summary>
    public static void Fill(FleetHandler handler, int roles, int apps, int vhosts, Func<int, int> jobs)
    {
        for (var i = 0; i < roles; i++)
        {
            handler.Queues.GetOrAdd($"v{i % vhosts}", _ => new(StringComparer.Ordinal))[$"q{i}"] = jobs(i);
            if (handler.Quantity($"a{i % apps}", $"w{i}") == 0)
            {
                handler.SetQuantity($"a{i % apps}", $"w{i}", 0);
            }
        }
    }
}
