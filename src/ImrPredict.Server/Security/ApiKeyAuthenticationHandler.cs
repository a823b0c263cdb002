using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Security;

/// <summary>
/// The API key scheme: a request with an <c>x-api-key</c> header signs in as the key's name with the key's role; a key
/// that matches none fails (401). The key itself is never logged or kept.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    ApiKeyRing keys, IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    /// <inheritdoc />
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var given = Request.Headers[CredentialSchemes.ApiKeyHeader].ToString();
        if (given.Length == 0)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (keys.Match(given) is not { } key)
        {
            var failure = new InvalidOperationException($"the {CredentialSchemes.ApiKeyHeader} header matches no configured key");
            DenialReasons.Remember(Context, failure);
            return Task.FromResult(AuthenticateResult.Fail(failure));
        }

        var roleClaim = auth.Value.RoleClaim;
        var identity = new ClaimsIdentity(
        [
            new Claim("sub", "key:" + key.Name),
            new Claim(auth.Value.NameClaim, key.Name),
            new Claim(roleClaim, key.Role),
            new Claim(CredentialSchemes.SchemeClaim, "key:" + key.Name),
        ], Scheme.Name, auth.Value.NameClaim, roleClaim);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), Scheme.Name)));
    }

    /// <inheritdoc />
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = auth.Value.HasProvider ? "Bearer" : "ApiKey header=\"x-api-key\"";
        return Task.CompletedTask;
    }
}
