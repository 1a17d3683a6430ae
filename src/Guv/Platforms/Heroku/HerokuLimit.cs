namespace Guv.Platforms.Heroku;

/// <summary>A limit Heroku reported with <c>422 cannot_run_above_limit</c>: at most this many dynos of a size.</summary>
/// <param name="Limit">The most dynos the process type may run at that size.</param>
/// <param name="Size">The dyno size the limit is for, as Heroku named it.</param>
internal sealed record HerokuLimit(int Limit, string? Size);
