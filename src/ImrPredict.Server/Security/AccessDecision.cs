namespace ImrPredict.Server.Security;

/// <summary>
/// The access mode the service starts in, or why it must not start: listening beyond loopback with neither an identity
/// provider nor an API key would hand clinical text to anyone who reaches the port.
/// </summary>
/// <param name="Mode">The mode.</param>
/// <param name="Refusal">Why the service refuses to start (one line naming the settings), or null.</param>
/// <param name="Addresses">The listen addresses it was decided on.</param>
public sealed record AccessDecision(AccessMode Mode, string? Refusal, IReadOnlyList<string> Addresses)
{
    /// <summary>Decides from the listen addresses, the auth settings and the legacy single key (<c>ImrPredict:ApiKey</c>).</summary>
    public static AccessDecision Decide(IReadOnlyList<string> addresses, AuthOptions auth, string? legacyApiKey)
    {
        var exposed = addresses.Where(address => !ListenAddresses.IsLoopback(address)).ToList();
        if (auth.HasProvider)
        {
            return new AccessDecision(AccessMode.CredentialRequired, null, addresses);
        }

        if (exposed.Count == 0)
        {
            return new AccessDecision(AccessMode.LoopbackOpen, null, addresses);
        }

        var hasKeys = auth.ApiKeys.Count > 0 || !string.IsNullOrEmpty(legacyApiKey);
        return hasKeys
            ? new AccessDecision(AccessMode.CredentialRequired, null, addresses)
            : new AccessDecision(AccessMode.CredentialRequired,
                $"refusing to start: listening on {string.Join(", ", exposed)} beyond loopback with no authentication; set ImrPredict:Auth:Authority and ImrPredict:Auth:Audience (an identity provider) or ImrPredict:Auth:ApiKeys (imr apikey makes one), or listen on 127.0.0.1 only",
                addresses);
    }
}
