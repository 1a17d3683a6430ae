using System.Globalization;
using System.Net;

namespace Guv.Platforms.Heroku;

/// <summary>What guv says when Heroku refuses: the cause and the fix, naming where the key came from, never the key.</summary>
internal static class HerokuMessages
{
    public static string For(HerokuApp app, HerokuAnswer answer, HerokuError error) => answer.Status switch
    {
        HttpStatusCode.Unauthorized =>
            $"Heroku refused the API key from {app.KeySource} (401 {error.Id ?? "unauthorized"}): it is wrong, expired or "
            + "revoked; create a new one with 'heroku authorizations:create' and put it there",
        HttpStatusCode.Forbidden =>
            $"the API key from {app.KeySource} may not scale app '{app.Name}' (403 {error.Id ?? "forbidden"}): give its "
            + "account access to the app (the 'operate' or 'deploy' permission), or use a key that has it",
        HttpStatusCode.NotFound => AppNotFound(app),
        HttpStatusCode.TooManyRequests => RateLimited(app, null),
        _ => $"Heroku refused to scale app '{app.Name}' ({(int)answer.Status} {error.Id ?? answer.Status.ToString()}): "
            + (error.Message ?? "no reason given"),
    };

    public static string AppNotFound(HerokuApp app) =>
        $"Heroku has no app '{app.Name}' that the API key from {app.KeySource} can see (404 not_found): check 'app' "
        + "in the config (or GUV_APP), and that the key's account has access to it";

    public static string NoProcessType(HerokuApp app, string type, string role) =>
        $"app '{app.Name}' has no process type '{type}' (Heroku 404 not_found): add '{type}' to the app's Procfile and "
        + $"deploy, or set 'worker' of role '{role}' to one of its process types";

    public static string RateLimited(HerokuApp app, DateTimeOffset? until) =>
        $"Heroku's API rate limit for the key from {app.KeySource} is nearly spent; changes are held"
        + (until is { } u ? string.Create(CultureInfo.InvariantCulture, $" until {u:HH:mm:ss} UTC") : "")
        + " and decided again then";

    public static string NoAnswer(HerokuApp app, Attempted<HerokuAnswer> attempted) =>
        $"no usable answer from Heroku for app '{app.Name}': {attempted.Failure} "
        + $"({attempted.Attempts} attempt{(attempted.Attempts == 1 ? "" : "s")} within the tick's time budget)";

    public static string BadBody(HerokuApp app, FormatException e) =>
        $"Heroku gave an unusable formation for app '{app.Name}': {e.Message}; check 'heroku_api' points at the "
        + "Platform API";
}
