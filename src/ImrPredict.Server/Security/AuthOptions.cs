using System.ComponentModel.DataAnnotations;
using ImrPredict.Application.Security;

namespace ImrPredict.Server.Security;

/// <summary>
/// Who may call (section <c>ImrPredict:Auth</c>): the organisation's identity provider, whose JWT bearer tokens carry the
/// caller's roles, the web app's sign-in through it, and API keys for scripts and jobs. Checked at start.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "ImrPredict:Auth";

    /// <summary>The identity provider (its issuer URL; its OIDC discovery document and signing keys are read from there). Unset: no provider.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for (this service's API identifier at the provider).</summary>
    public string? Audience { get; set; }

    /// <summary>Whether the provider's metadata must come over HTTPS (true unless set: only a test provider on loopback may turn it off).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>The claim that carries roles (a string or an array).</summary>
    [Required]
    public string RoleClaim { get; set; } = "roles";

    /// <summary>The claim that carries the caller's display name.</summary>
    [Required]
    public string NameClaim { get; set; } = "name";

    /// <summary>The web app's client id at the provider (authorization code with PKCE); unset, the web app does not sign in.</summary>
    public string? WebClientId { get; set; }

    /// <summary>The web app's client secret, when the provider gives confidential clients one.</summary>
    public string? WebClientSecret { get; set; }

    /// <summary>Scopes the web app asks for besides <c>openid profile</c> (space separated; <c>roles</c> at providers that need it).</summary>
    public string? WebScopes { get; set; }

    /// <summary>The shortest time between two reads of the provider's signing keys when a token names a key not seen yet (a rotation).</summary>
    [Range(1, 86_400)]
    public double KeyRefreshSeconds { get; set; } = 300;

    /// <summary>How far a token's lifetime may be off the clock (the provider's and this host's clocks differ).</summary>
    [Range(0, 600)]
    public double ClockSkewSeconds { get; set; } = 60;

    /// <summary>API keys for scripts and jobs, each with a name, a role and a hash.</summary>
    public List<ApiKeyEntry> ApiKeys { get; set; } = [];

    /// <summary>Whether an identity provider is configured.</summary>
    public bool HasProvider => !string.IsNullOrWhiteSpace(Authority);

    /// <summary>Whether the web app signs in through the provider.</summary>
    public bool HasWebSignIn => HasProvider && !string.IsNullOrWhiteSpace(WebClientId);

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasProvider && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return new ValidationResult($"{Section}:Authority '{Authority}' is not an absolute URL", [nameof(Authority)]);
        }

        if (HasProvider && string.IsNullOrWhiteSpace(Audience))
        {
            yield return new ValidationResult($"{Section}:Audience is needed with an Authority: tokens for other services must not be accepted", [nameof(Audience)]);
        }

        if (!HasProvider && !string.IsNullOrWhiteSpace(WebClientId))
        {
            yield return new ValidationResult($"{Section}:WebClientId needs {Section}:Authority", [nameof(WebClientId)]);
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var k = 0; k < ApiKeys.Count; k++)
        {
            var key = ApiKeys[k];
            var where = $"{Section}:ApiKeys:{k}";
            if (string.IsNullOrWhiteSpace(key.Name) || !names.Add(key.Name))
            {
                yield return new ValidationResult($"{where}:Name is empty or used twice", [nameof(ApiKeys)]);
            }

            if (AccessRoles.Rank(key.Role) < 0)
            {
                yield return new ValidationResult($"{where}:Role '{key.Role}' is not reader, triage or admin", [nameof(ApiKeys)]);
            }

            if (ApiKeyHash.Digest(key.Hash) is null)
            {
                yield return new ValidationResult($"{where}:Hash is not '{ApiKeyHash.Prefix}' and 64 hex digits (imr apikey prints one)", [nameof(ApiKeys)]);
            }
        }
    }
}
