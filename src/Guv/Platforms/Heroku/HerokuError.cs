namespace Guv.Platforms.Heroku;

/// <summary>An error body of the Platform API.</summary>
/// <param name="Id">Heroku's error id, such as <c>cannot_run_above_limit</c>, <c>not_found</c> or <c>rate_limit</c>.</param>
/// <param name="Message">Heroku's message for people.</param>
/// <param name="Limit">For <c>cannot_run_above_limit</c>: the most dynos of that size a process type may run.</param>
/// <param name="Size">For <c>cannot_run_above_limit</c>: the dyno size the limit is for.</param>
internal sealed record HerokuError(string? Id, string? Message, int? Limit, string? Size)
{
    /// <summary>Heroku's id for a scale request above the limit of a dyno size.</summary>
    public const string AboveLimit = "cannot_run_above_limit";
}
