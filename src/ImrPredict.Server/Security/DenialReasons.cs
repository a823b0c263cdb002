using Microsoft.IdentityModel.Tokens;

namespace ImrPredict.Server.Security;

/// <summary>Why a call was refused, in one sentence a caller can act on; never the token or the key.</summary>
public static class DenialReasons
{
    private const string FailureItem = "imr.authentication-failure";

    /// <summary>Keeps why a credential failed, for the refusal's message (the middleware keeps only successes).</summary>
    public static void Remember(HttpContext context, Exception failure) => context.Items[FailureItem] = failure;

    /// <summary>Why the credential the request carried failed, or null when it carried none or it passed.</summary>
    public static Exception? Failure(HttpContext context) => context.Items.TryGetValue(FailureItem, out var failure) ? failure as Exception : null;

    /// <summary>Why the request carried no usable credential.</summary>
    public static string Unauthenticated(HttpContext context, AuthOptions auth, bool hasKeys)
    {
        var failure = Failure(context);
        if (failure is not null)
        {
            return failure switch
            {
                SecurityTokenExpiredException => "the bearer token has expired: get a new one from the identity provider",
                SecurityTokenNotYetValidException => "the bearer token is not valid yet (check the clocks)",
                SecurityTokenInvalidAudienceException => $"the bearer token is not for this service: its audience must be '{auth.Audience}'",
                SecurityTokenInvalidIssuerException => "the bearer token comes from another issuer than this service's identity provider",
                SecurityTokenSignatureKeyNotFoundException => "the bearer token is signed with a key the identity provider does not publish",
                SecurityTokenInvalidSignatureException => "the bearer token's signature is not valid",
                SecurityTokenMalformedException or ArgumentException => "the bearer token is malformed",
                SecurityTokenException => "the bearer token is not valid",
                _ => failure.Message,
            };
        }

        if (!auth.HasProvider && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return "bearer tokens are not accepted here: no identity provider is configured (ImrPredict:Auth:Authority); send an x-api-key";
        }

        var ways = new List<string>();
        if (auth.HasProvider)
        {
            ways.Add("a bearer token from the identity provider (Authorization: Bearer ...)");
        }

        if (hasKeys)
        {
            ways.Add($"an API key ({CredentialSchemes.ApiKeyHeader} header)");
        }

        return ways.Count == 0 ? "this call needs an admin API key and none is configured on the server: set ImrPredict:ApiKey (one admin key) or ImrPredict:Auth:ApiKeys (imr apikey makes one)" : "this call needs a credential: " + string.Join(" or ", ways);
    }

    /// <summary>Why a signed-in caller may not make the call.</summary>
    public static string Forbidden(Caller caller, string action, string? role) =>
        $"{action} needs the {role ?? "required"} role; {caller.Subject} has {(caller.Role == AccessRoles.None ? "no role of this service" : "the " + caller.Role + " role")}";
}
