namespace ImrPredict.Search;

/// <summary>
/// A MinHash signature of a rationale's word 5-shingles (numbers left out, so boilerplate with other
/// quantities still matches). The share of equal positions estimates the Jaccard similarity of two rationales.
/// Stable hashing (FNV-1a), because signatures are kept in the index (as binary doc values).
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

    /// <summary>The indexed form: 8 little-endian bytes per position.</summary>
    public static byte[] ToBytes(ulong[] signature)
    {
        var bytes = new byte[signature.Length * 8];
        for (var k = 0; k < signature.Length; k++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(k * 8), signature[k]);
        }

        return bytes;
    }

    /// <summary>Reads the indexed form; empty when it is not a signature.</summary>
    public static ulong[] FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != Size * 8)
        {
            return [];
        }

        var signature = new ulong[Size];
        for (var k = 0; k < Size; k++)
        {
            signature[k] = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(bytes[(k * 8)..]);
        }

        return signature;
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
