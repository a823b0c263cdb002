namespace ImrPredict.Search;

/// <summary>
/// A MinHash signature of a rationale's word 5-shingles (numbers left out, so boilerplate with other
/// quantities still matches). The share of equal positions estimates the Jaccard similarity of two rationales.
/// Stable hashing (FNV-1a), because signatures are stored in the index.
/// </summary>
public static class RationaleSignature
{
    private const int Size = 32;

    /// <summary>The signature of a rationale.</summary>
    public static ulong[] Of(string rationale)
    {
        var words = rationale.ToLowerInvariant()
            .Split([' ', ',', '.', ';', ':', '(', ')', '"', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !w.Any(char.IsDigit))
            .Select(Fnv)
            .ToArray();
        var signature = new ulong[Size];
        Array.Fill(signature, ulong.MaxValue);
        for (var i = 0; i + 4 < words.Length; i++)
        {
            var shingle = words[i] ^ Rotate(words[i + 1], 13) ^ Rotate(words[i + 2], 26) ^ Rotate(words[i + 3], 39) ^ Rotate(words[i + 4], 52);
            for (var k = 0; k < Size; k++)
            {
                var value = Mix(shingle ^ (0x9E3779B97F4A7C15UL * (ulong)(k + 1)));
                if (value < signature[k])
                {
                    signature[k] = value;
                }
            }
        }

        return signature;
    }

    /// <summary>The estimated Jaccard similarity: the share of equal positions (0 when either is empty).</summary>
    public static double Similarity(ulong[] a, ulong[] b)
    {
        if (a.Length != Size || b.Length != Size || a[0] == ulong.MaxValue || b[0] == ulong.MaxValue)
        {
            return 0;
        }

        var equal = 0;
        for (var k = 0; k < Size; k++)
        {
            equal += a[k] == b[k] ? 1 : 0;
        }

        return (double)equal / Size;
    }

    /// <summary>The stored form.</summary>
    public static string Format(ulong[] signature) => Convert.ToBase64String(signature.SelectMany(BitConverter.GetBytes).ToArray());

    /// <summary>Reads the stored form; empty when absent or malformed.</summary>
    public static ulong[] Parse(string? stored)
    {
        if (string.IsNullOrEmpty(stored))
        {
            return [];
        }

        try
        {
            var bytes = Convert.FromBase64String(stored);
            return bytes.Length != Size * 8 ? [] : Enumerable.Range(0, Size).Select(k => BitConverter.ToUInt64(bytes, k * 8)).ToArray();
        }
        catch (FormatException)
        {
            return [];
        }
    }

    private static ulong Fnv(string word)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Rotate(ulong x, int k) => (x << k) | (x >> (64 - k));

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
