using System.Security.Cryptography;
using System.Text;

namespace ImrPredict.Application.Security;

/// <summary>
/// API keys and how they are kept: a key is 32 random bytes (base64url, prefixed <c>imr_</c>); configuration holds only
/// its SHA-256 (<c>sha256:</c> and 64 hex digits). A slow password hash is not needed: a key has 256 bits of entropy, so
/// its hash cannot be reversed by guessing, and a fast hash keeps every call's check in microseconds.
/// </summary>
public static class ApiKeyHash
{
    /// <summary>The prefix of a stored hash.</summary>
    public const string Prefix = "sha256:";

    /// <summary>A new random key.</summary>
    public static string NewKey() => "imr_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The stored form of <paramref name="key"/>.</summary>
    public static string Of(string key) => Prefix + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>The digest of a stored hash, or null when <paramref name="stored"/> is not <c>sha256:</c> and 64 hex digits.</summary>
    public static byte[]? Digest(string? stored)
    {
        if (stored is null || !stored.StartsWith(Prefix, StringComparison.Ordinal) || stored.Length != Prefix.Length + 64)
        {
            return null;
        }

        try
        {
            return Convert.FromHexString(stored.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
