namespace Guv.Platforms.Heroku;

/// <summary>One process type of an app's formation, as the Platform API lists it.</summary>
/// <param name="Type">The process type (the Procfile's name, guv's <c>worker</c>).</param>
/// <param name="Quantity">Dynos wanted.</param>
/// <param name="Size">The dyno size, such as <c>Standard-1X</c>.</param>
internal sealed record HerokuProcess(string Type, int Quantity, string? Size);
