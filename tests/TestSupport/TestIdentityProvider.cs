using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ImrPredict.TestSupport;

/// <summary>
/// A real OpenID Connect provider for tests: OpenIddict's server on a loopback port, with discovery, its signing keys
/// (new ones on every start: a restart on the same port is a key rotation), client credentials tokens for any role,
/// subject, audience and lifetime, and an authorization code flow with PKCE that signs in <see cref="NextWebUser"/>
/// without a login form. Nothing here is stubbed: the service fetches its discovery document and keys over HTTP.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    /// <summary>The audience the service under test is configured with.</summary>
    public const string Audience = "imrpredict";

    /// <summary>The web app's client id.</summary>
    public const string WebClientId = "imr-web";

    private WebApplication? _app;

    private TestIdentityProvider(int port, Uri? issuer)
    {
        Port = port;
        Issuer = issuer ?? new Uri($"http://127.0.0.1:{port}/");
    }

    /// <summary>The port it listens on.</summary>
    public int Port { get; }

    /// <summary>The issuer (the service's <c>ImrPredict:Auth:Authority</c>).</summary>
    public Uri Issuer { get; }

    /// <summary>Who the authorization endpoint signs in next: subject, name and roles.</summary>
    public (string Subject, string Name, string[] Roles) NextWebUser { get; set; } = ("web-user", "Web User", ["reader"]);

    /// <summary>The settings that point a service at this provider (bearer tokens; with <paramref name="web"/>, the web app's sign-in).</summary>
    public Dictionary<string, string> ServiceSettings(bool web = false, double keyRefreshSeconds = 1)
    {
        var settings = new Dictionary<string, string>
        {
            ["ImrPredict:Auth:Authority"] = Issuer.ToString(),
            ["ImrPredict:Auth:Audience"] = Audience,
            ["ImrPredict:Auth:RequireHttpsMetadata"] = "false",
            ["ImrPredict:Auth:ClockSkewSeconds"] = "0",
            ["ImrPredict:Auth:KeyRefreshSeconds"] = keyRefreshSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (web)
        {
            settings["ImrPredict:Auth:WebClientId"] = WebClientId;
        }

        return settings;
    }

    /// <summary>Starts a provider on a free port, or on <paramref name="port"/> (a restart: new keys, same issuer), claiming <paramref name="issuer"/> when given (an impostor).</summary>
    public static async Task<TestIdentityProvider> StartAsync(int? port = null, Uri? issuer = null)
    {
        var provider = new TestIdentityProvider(port ?? ServerProcess.FreePort(), issuer);
        await provider.RunAsync();
        return provider;
    }

    /// <summary>A client credentials access token for <paramref name="subject"/> with <paramref name="roles"/> (one role is a string claim, several an array).</summary>
    public async Task<string> TokenAsync(string subject, string[] roles, string? audience = Audience, int lifetimeSeconds = 600)
    {
        using var http = new HttpClient();
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = subject,
            ["client_secret"] = "any",
            ["test_roles"] = string.Join(' ', roles),
            ["test_audience"] = audience ?? string.Empty,
            ["test_lifetime"] = lifetimeSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // This instance's own address: an impostor claims another's issuer but answers on its own port.
        using var response = await http.PostAsync(new Uri($"http://127.0.0.1:{Port}/connect/token"), new FormUrlEncodedContent(form));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"the test provider refused a token: {body}");
        }

        return JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Stops the provider (its keys are gone with it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
            _app = null;
        }
    }

    private async Task RunAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = Path.GetTempPath() });
        // Not the test folder's appsettings.json (the server's, with its Kestrel endpoints): this port only.
        builder.Configuration.Sources.Clear();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, Port));
        builder.Services.AddAuthentication();
        builder.Services.AddOpenIddict().AddServer(options =>
        {
            options.SetIssuer(Issuer);
            options.SetTokenEndpointUris("connect/token").SetAuthorizationEndpointUris("connect/authorize");
            options.AllowClientCredentialsFlow();
            options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            options.RegisterScopes(Scopes.Profile, Scopes.Roles);
            // No database of clients: every client and redirect is accepted (the handlers below), as a test provider may.
            options.EnableDegradedMode();
            // Keys of this instance only (OpenIddict's ephemeral keys are shared by every instance of a process): a restart
            // rotates them, and an impostor signs with its own.
            options.AddSigningKey(new Microsoft.IdentityModel.Tokens.RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") });
            options.AddEncryptionKey(new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
            options.DisableAccessTokenEncryption();
            options.UseAspNetCore().EnableTokenEndpointPassthrough().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
            options.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ValidateTokenRequestContext>(handler => handler.UseInlineHandler(_ => default));
            options.AddEventHandler<OpenIddict.Server.OpenIddictServerEvents.ValidateAuthorizationRequestContext>(handler => handler.UseInlineHandler(_ => default));
        });
        var app = builder.Build();
        app.MapPost("/connect/token", async context =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            ClaimsPrincipal principal;
            if (request.IsAuthorizationCodeGrantType())
            {
                principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal!;
            }
            else
            {
                var roles = ((string?)request["test_roles"] ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                principal = Principal(request.ClientId!, request.ClientId!, roles);
                if ((string?)request["test_audience"] is { Length: > 0 } audience)
                {
                    principal.SetAudiences(audience);
                }

                principal.SetAccessTokenLifetime(TimeSpan.FromSeconds(int.Parse((string?)request["test_lifetime"] ?? "600", System.Globalization.CultureInfo.InvariantCulture)));
            }

            await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, principal);
        });
        app.MapMethods("/connect/authorize", ["GET", "POST"], async context =>
        {
            var request = context.GetOpenIddictServerRequest()!;
            var (subject, name, roles) = NextWebUser;
            var principal = Principal(subject, name, roles);
            principal.SetScopes(request.GetScopes());
            principal.SetAudiences(Audience);
            await context.SignInAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, principal);
        });
        await app.StartAsync();
        _app = app;
    }

    private static ClaimsPrincipal Principal(string subject, string name, string[] roles)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, subject).SetClaim(Claims.Name, name);
        identity.SetClaims("roles", roles.ToImmutableArray());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return new ClaimsPrincipal(identity);
    }
}
