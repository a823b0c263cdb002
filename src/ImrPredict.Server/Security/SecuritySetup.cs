using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using ImrPredict.Application.Audit;
using ImrPredict.Server.Auditing;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ImrPredict.Server.Security;

/// <summary>
/// Authentication (bearer tokens from the identity provider, API keys, the web app's session cookie) and authorization (a
/// policy per role), decided from the settings and the listen addresses at start: the service refuses to start, with one
/// line naming the settings, when it would listen beyond loopback with no way to authenticate.
/// </summary>
public static class SecuritySetup
{
    /// <summary>Registers the schemes, the role policies and the access decision; throws <see cref="StartupRefusedException"/> when the settings must not start.</summary>
    public static WebApplicationBuilder AddImrSecurity(this WebApplicationBuilder builder)
    {
        var auth = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(auth, new ValidationContext(auth), problems, validateAllProperties: true))
        {
            throw new StartupRefusedException("refusing to start: " + string.Join("; ", problems.Select(p => p.ErrorMessage)));
        }

        var decision = AccessDecision.Decide(ListenAddresses.From(builder.Configuration), auth, builder.Configuration[$"{ImrPredictOptions.Section}:ApiKey"]);
        if (decision.Refusal is { } refusal)
        {
            throw new StartupRefusedException(refusal);
        }

        builder.Services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.AddSingleton(decision);
        builder.Services.AddSingleton<ApiKeyRing>();
        builder.Services.AddSingleton<IAuthorizationHandler, RoleRequirementHandler>();
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, AccessDeniedResponses>();

        var schemes = builder.Services.AddAuthentication(CredentialSchemes.Selector)
            .AddPolicyScheme(CredentialSchemes.Selector, "bearer token, API key or session", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(CredentialSchemes.ApiKeyHeader) ? CredentialSchemes.ApiKey
                : auth.HasProvider && context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? CredentialSchemes.Bearer
                : auth.HasWebSignIn ? CredentialSchemes.Cookie
                : CredentialSchemes.ApiKey)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(CredentialSchemes.ApiKey, null);
        if (auth.HasProvider)
        {
            schemes.AddJwtBearer(CredentialSchemes.Bearer, options => ConfigureBearer(options, auth));
        }

        if (auth.HasWebSignIn)
        {
            schemes.AddCookie(CredentialSchemes.Cookie, options => ConfigureCookie(options))
                .AddOpenIdConnect(CredentialSchemes.OpenIdConnect, options => ConfigureSignIn(options, auth));
            builder.Services.AddAntiforgery(options =>
            {
                options.HeaderName = WebSession.AntiforgeryHeader;
                options.Cookie.Name = "imr.antiforgery";
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            });
        }

        builder.Services.AddAuthorization(options =>
        {
            foreach (var role in AccessRoles.All)
            {
                options.AddPolicy(role, policy => policy.AddRequirements(new RoleRequirement(role)));
            }

            if (decision.Mode == AccessMode.CredentialRequired)
            {
                options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            }
        });
        builder.Services.AddHostedService<AuditWriter>();
        builder.Services.AddHostedService<AuditRetention>();
        return builder;
    }

    /// <summary>Authentication, the session's antiforgery check, authorization, and the web app's sign-in endpoints.</summary>
    public static WebApplication UseImrSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseMiddleware<WebSession>();
        app.UseAuthorization();
        app.MapWebSession();
        return app;
    }

    private static void ConfigureBearer(JwtBearerOptions options, AuthOptions auth)
    {
        options.Authority = auth.Authority;
        options.Audience = auth.Audience;
        options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        options.MapInboundClaims = false;
        // A token signed with a key not seen yet makes the handler read the provider's keys again, at most once a
        // KeyRefreshSeconds (the manager's RefreshInterval below): keys rotate without a restart.
        options.RefreshOnIssuerKeyNotFound = true;
        // Made here to turn off the "last known good" fallback (by default a key the provider has retired keeps
        // validating tokens for an hour after it leaves the published set); the options' own RefreshInterval is read only
        // when the handler makes the manager, so the interval is set on it.
        options.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            auth.Authority!.TrimEnd('/') + "/.well-known/openid-configuration",
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = auth.RequireHttpsMetadata })
        {
            RefreshInterval = TimeSpan.FromSeconds(auth.KeyRefreshSeconds),
            UseLastKnownGoodConfiguration = false,
        };
        options.TokenValidationParameters.NameClaimType = auth.NameClaim;
        options.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        options.TokenValidationParameters.ClockSkew = TimeSpan.FromSeconds(auth.ClockSkewSeconds);
        options.Events = new JwtBearerEvents
        {
            OnAuthenticationFailed = context =>
            {
                DenialReasons.Remember(context.HttpContext, context.Exception);
                return Task.CompletedTask;
            },
            OnTokenValidated = context =>
            {
                (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(CredentialSchemes.SchemeClaim, "bearer"));
                return Task.CompletedTask;
            },
        };
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "imr.session";
        options.Cookie.HttpOnly = true;
        // Lax: the provider's redirect back is a top-level navigation; Strict would drop the session on it.
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
        options.ForwardChallenge = CredentialSchemes.OpenIdConnect;
    }

    private static void ConfigureSignIn(OpenIdConnectOptions options, AuthOptions auth)
    {
        options.Authority = auth.Authority;
        options.ClientId = auth.WebClientId;
        options.ClientSecret = auth.WebClientSecret;
        options.RequireHttpsMetadata = auth.RequireHttpsMetadata;
        options.ResponseType = "code";
        options.UsePkce = true;
        // The code comes back on a GET: the correlation cookies are Lax, which a cross-site form post would not carry.
        options.ResponseMode = "query";
        options.SignInScheme = CredentialSchemes.Cookie;
        options.MapInboundClaims = false;
        options.SaveTokens = false;
        options.GetClaimsFromUserInfoEndpoint = false;
        options.Scope.Clear();
        foreach (var scope in $"openid profile {auth.WebScopes}".Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
        {
            options.Scope.Add(scope);
        }

        options.CorrelationCookie.SameSite = SameSiteMode.Lax;
        options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.NonceCookie.SameSite = SameSiteMode.Lax;
        options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.RefreshInterval = TimeSpan.FromSeconds(auth.KeyRefreshSeconds);
        options.TokenValidationParameters.NameClaimType = auth.NameClaim;
        options.TokenValidationParameters.RoleClaimType = auth.RoleClaim;
        options.Events = new OpenIdConnectEvents
        {
            OnTokenValidated = context =>
            {
                (context.Principal?.Identity as ClaimsIdentity)?.AddClaim(new Claim(CredentialSchemes.SchemeClaim, "cookie"));
                return Task.CompletedTask;
            },
        };
    }
}
