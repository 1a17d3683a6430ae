using Guv.Configuration;

namespace Guv.Platforms.Heroku;

/// <summary>One entry of a formation batch update: a role's process type and the dynos it should run.</summary>
/// <param name="Role">The role.</param>
/// <param name="Quantity">The dynos to run.</param>
internal sealed record HerokuUpdate(RoleOptions Role, int Quantity)
{
    /// <summary>The process type.</summary>
    public string Type => Role.Worker;

    /// <summary>The dyno size, sent only when the config sets <c>dynosize</c> so guv never resizes by default.</summary>
    public string? Size => Role.DynoSizeSet ? Role.DynoSize : null;
}
