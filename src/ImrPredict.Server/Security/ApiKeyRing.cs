using System.Security.Cryptography;
using System.Text;
using ImrPredict.Application.Security;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server.Security;

/// <summary>
/// The configured API keys, by hash: <c>ImrPredict:Auth:ApiKeys</c>, plus the older single <c>ImrPredict:ApiKey</c> as
/// one admin key named <c>api-key</c>. A key given is hashed and compared with every entry in constant time.
/// </summary>
public sealed class ApiKeyRing
{
    /// <summary>The name the legacy single key goes by.</summary>
    public const string LegacyName = "api-key";

    private readonly List<(string Name, string Role, byte[] Digest)> _keys = [];

    /// <summary>Reads the keys from the options.</summary>
    public ApiKeyRing(IOptions<AuthOptions> auth, IOptions<ImrPredictOptions> host)
    {
        foreach (var key in auth.Value.ApiKeys)
        {
            _keys.Add((key.Name, key.Role.Trim().ToLowerInvariant(), ApiKeyHash.Digest(key.Hash)!));
        }

        if (!string.IsNullOrEmpty(host.Value.ApiKey))
        {
            _keys.Add((LegacyName, AccessRoles.Admin, SHA256.HashData(Encoding.UTF8.GetBytes(host.Value.ApiKey))));
        }
    }

    /// <summary>Whether any key is configured.</summary>
    public bool Any => _keys.Count > 0;

    /// <summary>The name and role of the key <paramref name="given"/>, or null when it matches none.</summary>
    public (string Name, string Role)? Match(string given)
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        (string, string)? found = null;
        // Every entry is compared, so the time taken says nothing about which key (if any) came close.
        foreach (var (name, role, expected) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(digest, expected))
            {
                found = (name, role);
            }
        }

        return found;
    }
}
