namespace ImrPredict.Server.Security;

/// <summary>One API key a script or job may call with (in <c>ImrPredict:Auth:ApiKeys</c>): its name, its role and its hash; never the key.</summary>
public sealed class ApiKeyEntry
{
    /// <summary>The key's name: in audit records (<c>key:{name}</c>) and logs, so an operator can tell jobs apart and revoke one.</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>The key's role: <c>reader</c>, <c>triage</c> or <c>admin</c>.</summary>
    public string Role { get; set; } = AccessRoles.Reader;

    /// <summary>The key's hash, <c>sha256:</c> and 64 hex digits, as <c>imr apikey</c> prints it.</summary>
    public string Hash { get; set; } = string.Empty;
}
