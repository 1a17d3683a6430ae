namespace Guv.Cli;

/// <summary>A mistake of the user's that ends a command with a clear one-line message and exit code 1.</summary>
internal sealed class UserError(string message) : Exception(message);
