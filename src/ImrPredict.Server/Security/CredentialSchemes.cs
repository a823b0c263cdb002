namespace ImrPredict.Server.Security;

/// <summary>The authentication schemes' names.</summary>
public static class CredentialSchemes
{
    /// <summary>The default scheme: picks one of the others by what the request carries.</summary>
    public const string Selector = "imr";

    /// <summary>JWT bearer tokens from the identity provider.</summary>
    public const string Bearer = "Bearer";

    /// <summary>API keys in the <c>x-api-key</c> header.</summary>
    public const string ApiKey = "ApiKey";

    /// <summary>The web app's session cookie (set after signing in through the provider).</summary>
    public const string Cookie = "Cookies";

    /// <summary>The web app's sign-in through the provider.</summary>
    public const string OpenIdConnect = "oidc";

    /// <summary>The header that carries an API key.</summary>
    public const string ApiKeyHeader = "x-api-key";

    /// <summary>The claim this service adds to say how the caller signed in (<c>bearer</c>, <c>cookie</c>, <c>key:{name}</c>).</summary>
    public const string SchemeClaim = "imr_scheme";
}
