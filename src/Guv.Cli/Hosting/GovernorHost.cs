using Guv.Configuration;
using Guv.Platforms;
using Guv.Platforms.Heroku;
using Guv.Platforms.Kubernetes;
using Guv.Platforms.Local;
using Guv.Queues;
using Guv.Security;
using Microsoft.Extensions.Logging;

namespace Guv.Cli.Hosting;

/// <summary>Wires a governor to the real queue source and platforms, after checking the config can run.</summary>
internal static class GovernorHost
{
    /// <summary>
    /// Checks what validation of the file alone cannot: brokers parse, commands exist, Heroku roles have an app and a
    /// key, Kubernetes roles have a cluster config.
    /// </summary>
    /// <exception cref="UserError">Something would stop guv from running; lists every such problem.</exception>
    public static void Preflight(GuvConfig config)
    {
        var problems = new List<string>();
        if (config.Roles.Count == 0)
        {
            problems.Add($"{config.Source} defines no roles; add one, for example 'worker: {{platform: local, command: ./work}}'");
        }

        foreach (var role in config.Roles)
        {
            if (string.IsNullOrWhiteSpace(role.Broker))
            {
                problems.Add($"role '{role.Name}': no broker; set 'broker' in the config, or GUV_BROKER or CLOUDAMQP_URL");
            }
            else
            {
                try
                {
                    BrokerAddress.Parse(role.Broker, role.Management);
                }
                catch (FormatException e)
                {
                    problems.Add($"role '{role.Name}': {e.Message}");
                }
            }

            switch (role.Platform)
            {
                case PlatformNames.Local:
                    if (LocalPlatform.CheckCommand(role) is { } commandError)
                    {
                        problems.Add(commandError);
                    }

                    break;
                case PlatformNames.Heroku:
                    problems.AddRange(HerokuPlatform.Check(role));
                    break;
                case PlatformNames.Kubernetes:
                    if (KubernetesPlatform.Check(role) is { } clusterError)
                    {
                        problems.Add(clusterError);
                    }

                    break;
                default:
                    problems.Add($"role '{role.Name}': unknown platform '{role.Platform}'; use one of: "
                        + string.Join(", ", PlatformNames.All));
                    break;
            }
        }

        if (problems.Count > 0)
        {
            throw new UserError(string.Join(Environment.NewLine + "guv: ", problems));
        }
    }

    /// <param name="time">The clock.</param>
    /// <param name="logs">The loggers.</param>
    /// <param name="wrap">Wraps each platform, for example to measure its calls (issue #5); default none.</param>
    /// <param name="trust">Which HTTPS servers to trust; default the system's CAs.</param>
    public static PlatformSet CreatePlatforms(
        TimeProvider time,
        ILoggerFactory logs,
        Func<IWorkerPlatform, IWorkerPlatform>? wrap = null,
        TlsTrust? trust = null)
    {
        IWorkerPlatform[] platforms =
        [
            new LocalPlatform(time, logs.CreateLogger<LocalPlatform>()),
            new HerokuPlatform(null, time, logs.CreateLogger<HerokuPlatform>(), trust: trust),
            new KubernetesPlatform(time, logs.CreateLogger<KubernetesPlatform>()),
        ];
        return new(wrap is null ? platforms : platforms.Select(wrap));
    }

    /// <summary>The client of the management API, verifying HTTPS servers with <paramref name="trust"/>.</summary>
    public static HttpClient CreateHttpClient(TlsTrust? trust = null) =>
        new((trust ?? TlsTrust.System).CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan, // each tick's budget cancels slow calls instead
        };

    /// <summary>The CAs that <c>ca_file</c> (or env <c>GUV_CA_FILE</c>) names in any role, trusted for every HTTPS call.</summary>
    /// <exception cref="UserError">A file is missing or holds no certificate.</exception>
    public static TlsTrust LoadTrust(GuvConfig config)
    {
        try
        {
            return TlsTrust.Load(config.Roles.Select(r => r.CaFile).Prepend(config.Defaults.CaFile));
        }
        catch (FormatException e)
        {
            throw new UserError(e.Message);
        }
    }
}
