using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using ImrPredict.Core.Results;

namespace ImrPredict.Store;

/// <summary>A letter's parse as the store keeps it: the letter and its id, or the parser's error and an id from the content hash.</summary>
/// <param name="LetterId">The parser's id, or <c>refused-</c> and the first 16 hex digits of the content's SHA-256.</param>
/// <param name="Letter">The parsed letter, when the parser read it.</param>
/// <param name="Error">The parser's error, when it refused it.</param>
public sealed record LetterParse(string LetterId, ImrLetter? Letter, Error<ParseErrorCode>? Error)
{
    /// <summary>Parses bytes as the store does on every add and reparse.</summary>
    public static LetterParse Of(byte[] content, string contentSha256)
    {
        var parsed = LetterReader.ReadBytes(content);
        return parsed.TryGetValue(out var letter)
            ? new LetterParse(letter.LetterId, letter, null)
            : new LetterParse($"refused-{contentSha256[..16]}", null, parsed.Error);
    }
}
