using System.Security.Cryptography;
using System.Text;

namespace ImrPredict.ML.Training;

/// <summary>Fingerprints of training data: the same rows in any order give the same fingerprint.</summary>
public static class DataFingerprint
{
    /// <summary>SHA-256 over the sorted per-row hashes, as hex.</summary>
    public static string Of<TRow>(IEnumerable<TRow> rows, ICorpusSpec<TRow> spec)
        where TRow : class
    {
        var rowHashes = rows.Select(r => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(spec.FingerprintOf(r)))))
            .Order(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var rowHash in rowHashes)
        {
            hash.AppendData(Encoding.ASCII.GetBytes(rowHash));
        }

        return "sha256:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
