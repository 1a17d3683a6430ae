using System.Net;

namespace Guv.Platforms.Heroku;

/// <summary>One answer of the Platform API.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Body">The JSON body.</param>
/// <param name="RateLimitRemaining">The <c>RateLimit-Remaining</c> header: requests left in the account's budget.</param>
internal sealed record HerokuAnswer(HttpStatusCode Status, string Body, int? RateLimitRemaining)
{
    /// <summary>Why the answer is worth another attempt: Heroku's side failed (5xx).</summary>
    public string? Transient => (int)Status >= 500 ? $"Heroku answered {(int)Status} {Status}" : null;
}
