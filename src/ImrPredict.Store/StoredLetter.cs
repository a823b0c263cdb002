using ImrPredict.Core.Letters;

namespace ImrPredict.Store;

/// <summary>A letter as the store keeps it.</summary>
/// <param name="Sequence">Its last change's sequence.</param>
/// <param name="LetterId">Its id.</param>
/// <param name="Source">The name it was sent under.</param>
/// <param name="ReceivedUtc">When it was (last) received.</param>
/// <param name="ContentSha256">SHA-256 of its bytes, hex.</param>
/// <param name="Original">The bytes as sent.</param>
/// <param name="Letter">The parsed letter; null when refused.</param>
/// <param name="ErrorCode">The parser's code when refused.</param>
/// <param name="ErrorMessage">The parser's message when refused.</param>
/// <param name="Deleted">Whether it was deleted (a tombstone).</param>
public sealed record StoredLetter(
    long Sequence,
    string LetterId,
    string Source,
    DateTimeOffset ReceivedUtc,
    string ContentSha256,
    byte[] Original,
    ImrLetter? Letter,
    string? ErrorCode,
    string? ErrorMessage,
    bool Deleted);
