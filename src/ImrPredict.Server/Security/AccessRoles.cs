using System.Security.Claims;

namespace ImrPredict.Server.Security;

/// <summary>
/// The roles, each including the one before: <c>reader</c> (search, precedents, predict one case or letter, model info and
/// report), <c>triage</c> (reader, plus rank and the stream), <c>admin</c> (everything, plus add, delete, reload). The
/// policy of each role has the role's name.
/// </summary>
public static class AccessRoles
{
    /// <summary>Search, precedents, predict one case or letter, model info and reports.</summary>
    public const string Reader = "reader";

    /// <summary>Reader, plus ranking cases.</summary>
    public const string Triage = "triage";

    /// <summary>Everything, plus adding and deleting letters and reloading the model.</summary>
    public const string Admin = "admin";

    /// <summary>A caller that holds none of the roles.</summary>
    public const string None = "none";

    /// <summary>The roles in order, lowest first.</summary>
    public static IReadOnlyList<string> All => Roles;

    private static readonly string[] Roles = [Reader, Triage, Admin];

    /// <summary>The rank of a role (0 for reader), or -1 for a name that is not a role.</summary>
    public static int Rank(string? role) => role is null ? -1 : Array.IndexOf(Roles, role.Trim().ToLowerInvariant());

    /// <summary>
    /// The highest role <paramref name="user"/> holds in claims of type <paramref name="roleClaim"/>: each claim a role, or
    /// several separated by spaces or commas (a token's <c>roles</c> may be a string or an array).
    /// </summary>
    public static string Highest(ClaimsPrincipal user, string roleClaim)
    {
        var best = -1;
        foreach (var claim in user.FindAll(roleClaim))
        {
            foreach (var role in claim.Value.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                best = Math.Max(best, Rank(role));
            }
        }

        return best < 0 ? None : All[best];
    }
}
