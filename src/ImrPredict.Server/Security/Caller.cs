using System.Net;
using System.Security.Claims;

namespace ImrPredict.Server.Security;

/// <summary>Who made a call, as audit records and rate limits see it.</summary>
/// <param name="Subject">The stable id: the token's <c>sub</c>, <c>key:{name}</c>, or <c>anonymous</c>.</param>
/// <param name="Name">The display name, when the credential carries one.</param>
/// <param name="Role">The highest role held, or <c>none</c>.</param>
/// <param name="Scheme"><c>bearer</c>, <c>cookie</c>, <c>key:{name}</c> or <c>anonymous</c>.</param>
public sealed record Caller(string Subject, string? Name, string Role, string Scheme)
{
    /// <summary>The subject of callers without a credential.</summary>
    public const string Anonymous = "anonymous";

    /// <summary>The caller of a request.</summary>
    public static Caller Of(HttpContext context, AuthOptions auth)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Caller(Anonymous, null, AccessRoles.None, Anonymous);
        }

        var name = user.FindFirst(auth.NameClaim)?.Value ?? user.FindFirst("preferred_username")?.Value;
        var subject = user.FindFirst("sub")?.Value ?? user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? name ?? "unknown";
        var scheme = user.FindFirst(CredentialSchemes.SchemeClaim)?.Value ?? user.Identity.AuthenticationType ?? "unknown";
        return new Caller(subject, name, AccessRoles.Highest(user, auth.RoleClaim), scheme);
    }

    /// <summary>Whether the request came over a loopback connection (or in memory, as in-process tests call).</summary>
    public static bool IsLocal(HttpContext context) =>
        context.Connection.LocalIpAddress is not { } local || IPAddress.IsLoopback(local.IsIPv4MappedToIPv6 ? local.MapToIPv4() : local);
}
