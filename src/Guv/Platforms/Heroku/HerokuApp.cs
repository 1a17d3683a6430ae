using Guv.Configuration;

namespace Guv.Platforms.Heroku;

/// <summary>
/// One Heroku app as guv reaches it: the API, the app's name and the key used. Roles that share all three are scaled
/// together, with one formation request per tick.
/// </summary>
internal sealed record HerokuApp(string Api, string Name, string ApiKey, string KeySource)
{
    /// <summary>The app of a role.</summary>
    public static HerokuApp Of(RoleOptions role) => new(
        role.HerokuApi.TrimEnd('/'),
        role.App ?? "",
        role.ApiKey ?? "",
        role.ApiKeySource ?? "the config");

    /// <summary>The app's formation resource.</summary>
    public Uri FormationUrl => new($"{Api}/apps/{Uri.EscapeDataString(Name)}/formation");

    /// <summary>The app's name only: a record's generated text would show the key.</summary>
    public override string ToString() => Name;
}
