using Microsoft.AspNetCore.Authorization;

namespace ImrPredict.Server.Security;

/// <summary>A call needs at least this role (roles include the ones below them).</summary>
public sealed class RoleRequirement(string role) : IAuthorizationRequirement
{
    /// <summary>The least role.</summary>
    public string Role { get; } = role;
}
