using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Security;

/// <summary>
/// The web app's sign-in endpoints (the backend-for-frontend pattern: tokens stay on the server, the browser holds an
/// HttpOnly cookie): <c>/auth/signin</c> starts the provider's authorization code flow with PKCE, <c>/auth/signout</c>
/// ends the session, <c>/auth/me</c> says who is signed in and what the role may do.
/// </summary>
public static class WebSessionEndpoints
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapWebSession(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/auth/me", Me).AllowAnonymous().WithDisplayName("auth me");
        endpoints.MapGet("/auth/signin", (HttpContext context, IOptions<AuthOptions> auth, string? returnUrl) =>
        {
            if (!auth.Value.HasWebSignIn)
            {
                return Results.NotFound(new { message = "sign-in is not configured (ImrPredict:Auth:Authority and ImrPredict:Auth:WebClientId)" });
            }

            // Only a path of this site: never an open redirect to another one.
            var target = returnUrl is { Length: > 1 } url && url[0] == '/' && url[1] != '/' && url[1] != '\\' ? url : "/";
            return Results.Challenge(new AuthenticationProperties { RedirectUri = target }, [CredentialSchemes.OpenIdConnect]);
        }).AllowAnonymous().WithDisplayName("auth signin");
        endpoints.MapPost("/auth/signout", async (HttpContext context, IOptions<AuthOptions> auth) =>
        {
            if (auth.Value.HasWebSignIn)
            {
                await context.SignOutAsync(CredentialSchemes.Cookie);
            }

            return Results.NoContent();
        }).WithDisplayName("auth signout");
        // Where signing out lands: a page that needs no session (any other page would send the browser to sign in again).
        endpoints.MapGet("/auth/signedout", () => Results.Content(
            "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Signed out · ImrPredict</title><link rel=\"icon\" href=\"/assets/icon.svg\" type=\"image/svg+xml\"><link rel=\"stylesheet\" href=\"/assets/app.css\"></head>" +
            "<body><main id=\"main\"><h1>Signed out</h1><p>You are signed out of ImrPredict. <a href=\"/\">Sign in again</a></p></main></body></html>",
            "text/html; charset=utf-8")).AllowAnonymous().WithDisplayName("auth signed out");
        return endpoints;
    }

    private static IResult Me(HttpContext context, IOptions<AuthOptions> options, AccessDecision access)
    {
        var auth = options.Value;
        var caller = Caller.Of(context, auth);
        var signedIn = context.User.Identity?.IsAuthenticated == true;
        var open = access.Mode == AccessMode.LoopbackOpen && Caller.IsLocal(context);
        var rank = AccessRoles.Rank(caller.Role);
        string? token = null;
        if (WebSession.IsSession(context))
        {
            token = context.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(context).RequestToken;
        }

        return Results.Json(new
        {
            signedIn,
            subject = signedIn ? caller.Subject : null,
            name = caller.Name,
            role = caller.Role,
            scheme = caller.Scheme,
            signInAvailable = auth.HasWebSignIn,
            mode = access.Mode.ToString(),
            canRead = open || rank >= 0,
            canRank = open || rank >= AccessRoles.Rank(AccessRoles.Triage),
            canAdmin = rank >= AccessRoles.Rank(AccessRoles.Admin),
            antiforgeryToken = token,
        });
    }
}
