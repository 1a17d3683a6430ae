using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Guv.Configuration;
using Microsoft.Extensions.Logging;

namespace Guv.Platforms.Heroku;

/// <summary>
/// Scales Heroku dynos through the Platform API v3: reads each app's formation with one GET per tick and changes it
/// with one batch PATCH per app per tick. Apps are handled in parallel, so a slow or failing app delays no other.
/// </summary>
public sealed partial class HerokuPlatform : IWorkerPlatform
{
    private const string Accept = "application/vnd.heroku+json; version=3";

    private readonly HttpClient _http;
    private readonly bool _ownsHttp;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly HerokuPlatformOptions _options;
    private readonly HerokuRateLimit _rateLimit;

    // Counts last read or applied, by app and process type: what reads answer while the rate limit holds requests.
    private readonly ConcurrentDictionary<(HerokuApp App, string Type), int> _known = new();

    // Limits Heroku reported with 422 cannot_run_above_limit, by app and process type (the limit is per process type).
    private readonly ConcurrentDictionary<(HerokuApp App, string Type), HerokuLimit> _limits = new();

    /// <summary>Creates the platform.</summary>
    /// <param name="http">The client to send requests with; null for one of its own, disposed with the platform.</param>
    /// <param name="time">The clock for timeouts, waits and rate-limit pauses.</param>
    /// <param name="log">Where warnings about limits and rate limits go.</param>
    /// <param name="options">Timeouts, retries and the rate-limit reserve; null for the defaults.</param>
    /// <param name="trust">Which HTTPS servers its own client trusts. Default: the system's CAs.</param>
    public HerokuPlatform(
        HttpClient? http,
        TimeProvider time,
        ILogger<HerokuPlatform> log,
        HerokuPlatformOptions? options = null,
        Security.TlsTrust? trust = null)
    {
        _ownsHttp = http is null;
        _http = http ?? new HttpClient((trust ?? Security.TlsTrust.System).CreateHandler())
        {
            Timeout = Timeout.InfiniteTimeSpan, // each attempt has its own timeout, and each tick its budget
        };
        _time = time;
        _log = log;
        _options = options ?? new HerokuPlatformOptions();
        _rateLimit = new HerokuRateLimit(time, _options);
    }

    /// <inheritdoc />
    public string Name => PlatformNames.Heroku;

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PlatformResult>> ReadAsync(
        IReadOnlyList<RoleOptions> roles,
        CancellationToken cancellationToken)
    {
        var apps = roles.GroupBy(HerokuApp.Of).ToList();
        var results = await Task.WhenAll(apps.Select(a => ReadAppAsync(a.Key, a.ToList(), cancellationToken)));
        return results.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyDictionary<string, PlatformResult>> ScaleAsync(
        IReadOnlyList<ScaleRequest> requests,
        CancellationToken cancellationToken)
    {
        var apps = requests.GroupBy(r => HerokuApp.Of(r.Role)).ToList();
        var results = await Task.WhenAll(apps.Select(a => ScaleAppAsync(a.Key, a.ToList(), cancellationToken)));
        return results.SelectMany(r => r).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Describe(IReadOnlyList<ScaleRequest> requests) =>
        requests.GroupBy(r => HerokuApp.Of(r.Role))
            .Select(app => (App: app.Key, Updates: Updates(app.Key, app.ToList())))
            .Where(batch => batch.Updates.Count > 0)
            .Select(batch => $"heroku: PATCH {batch.App.FormationUrl} {HerokuJson.BatchBody(batch.Updates)}")
            .ToList();

    /// <summary>Checks a role has what the platform needs: an app, a key and a usable API address.</summary>
    public static IEnumerable<string> Check(RoleOptions role)
    {
        if (string.IsNullOrWhiteSpace(role.App))
        {
            yield return $"role '{role.Name}': no Heroku app; set 'app' in the config, or the GUV_APP environment variable";
        }

        if (string.IsNullOrWhiteSpace(role.ApiKey))
        {
            yield return $"role '{role.Name}': no Heroku API key; set the HEROKU_API_KEY environment variable "
                + "(or 'apikey' in the config); 'heroku authorizations:create' makes one";
        }

        if (!Uri.TryCreate(role.HerokuApi, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            yield return $"role '{role.Name}': the Heroku API address '{role.HerokuApi}' is not an http(s) URL; fix "
                + "'heroku_api' in the config or GUV_HEROKU_API, or remove it to use https://api.heroku.com";
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_ownsHttp)
        {
            _http.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async Task<Dictionary<string, PlatformResult>> ReadAppAsync(
        HerokuApp app,
        List<RoleOptions> roles,
        CancellationToken budget)
    {
        WarnAboutLimits(app, roles);
        if (_rateLimit.PausedUntil(app) is { } until)
        {
            var held = PlatformResult.Failed(HerokuMessages.RateLimited(app, until));
            return roles.ToDictionary(r => r.Name,
                r => _known.TryGetValue((app, r.Worker), out var count) ? PlatformResult.Ok(count) : held);
        }

        var formation = await ReadFormationAsync(app, budget);
        if (formation.Error is { } error)
        {
            return roles.ToDictionary(r => r.Name, _ => PlatformResult.Failed(error));
        }

        return roles.ToDictionary(r => r.Name, r => formation.Processes!.TryGetValue(r.Worker, out var process)
            ? PlatformResult.Ok(process.Quantity)
            : PlatformResult.Failed(HerokuMessages.NoProcessType(app, r.Worker, r.Name)));
    }

    /// <summary>One GET of an app's formation; remembers the counts read.</summary>
    private async Task<(Dictionary<string, HerokuProcess>? Processes, string? Error, bool AppMissing)> ReadFormationAsync(
        HerokuApp app,
        CancellationToken budget)
    {
        var attempted = await SendAsync(app, HttpMethod.Get, null, budget);
        if (attempted.Answer is not { } answer)
        {
            return (null, HerokuMessages.NoAnswer(app, attempted), false);
        }

        if (answer.Status != HttpStatusCode.OK)
        {
            var error = HerokuJson.ParseError(answer.Body);
            return (null, HerokuMessages.For(app, answer, error), answer.Status == HttpStatusCode.NotFound);
        }

        try
        {
            var processes = HerokuJson.ParseFormation(answer.Body);
            foreach (var process in processes.Values)
            {
                _known[(app, process.Type)] = process.Quantity;
            }

            return (processes, null, false);
        }
        catch (FormatException e)
        {
            return (null, HerokuMessages.BadBody(app, e), false);
        }
    }

    /// <summary>Sends one request, again while Heroku's side fails, and keeps the rate limit.</summary>
    private async Task<Attempted<HerokuAnswer>> SendAsync(
        HerokuApp app,
        HttpMethod method,
        string? body,
        CancellationToken budget)
    {
        var attempted = await TransientRetry.RunAsync(
            async token =>
            {
                using var request = new HttpRequestMessage(method, app.FormationUrl);
                request.Headers.TryAddWithoutValidation("Accept", Accept);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", app.ApiKey);
                request.Headers.UserAgent.Add(new ProductInfoHeaderValue("guv", "0.1"));
                if (body is not null)
                {
                    request.Content = new StringContent(body, Encoding.UTF8, "application/json");
                }

                using var response = await _http.SendAsync(request, token);
                var text = await response.Content.ReadAsStringAsync(token);
                var remaining = response.Headers.TryGetValues("RateLimit-Remaining", out var values)
                    && int.TryParse(values.FirstOrDefault(), out var r) ? r : (int?)null;
                return new HerokuAnswer(response.StatusCode, text, remaining);
            },
            answer => answer.Transient,
            _options.Retry,
            _time,
            budget);

        if (attempted.Answer is { } answer && _rateLimit.Observe(app, answer) is { } until)
        {
            LogRateLimited(_log, app.Name, answer.RateLimitRemaining, app.KeySource, until);
        }

        return attempted;
    }
}
