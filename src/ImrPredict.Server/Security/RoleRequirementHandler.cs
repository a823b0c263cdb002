using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Security;

/// <summary>
/// Grants a <see cref="RoleRequirement"/> to callers holding the role or a higher one; in <see cref="AccessMode.LoopbackOpen"/>
/// the reader and triage roles are granted to every caller on a loopback connection, as the quick start expects.
/// </summary>
public sealed class RoleRequirementHandler(AccessDecision access, IOptions<AuthOptions> auth) : AuthorizationHandler<RoleRequirement>
{
    /// <inheritdoc />
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleRequirement requirement)
    {
        var needed = AccessRoles.Rank(requirement.Role);
        // A credential that failed (a wrong key, an expired token) is refused even where none is needed: its caller should know.
        if (access.Mode == AccessMode.LoopbackOpen && needed < AccessRoles.Rank(AccessRoles.Admin) && context.Resource is HttpContext http && Caller.IsLocal(http)
            && DenialReasons.Failure(http) is null)
        {
            context.Succeed(requirement);
        }
        else if (context.User.Identity?.IsAuthenticated == true && AccessRoles.Rank(AccessRoles.Highest(context.User, auth.Value.RoleClaim)) >= needed)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
