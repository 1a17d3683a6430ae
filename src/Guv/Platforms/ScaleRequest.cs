using Guv.Configuration;

namespace Guv.Platforms;

/// <summary>A change of one role's worker count.</summary>
/// <param name="Role">The role.</param>
/// <param name="From">The count before, when known.</param>
/// <param name="To">The count wanted.</param>
public sealed record ScaleRequest(RoleOptions Role, int? From, int To);
