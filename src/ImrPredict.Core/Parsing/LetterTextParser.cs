using System.Security.Cryptography;
using System.Text;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Parses the text of an IMR final determination letter (markdown/HTML or PDF-extracted) into an
/// <see cref="ImrLetter"/>. Bad input gives a <see cref="Error{TCode}"/> with a <see cref="ParseErrorCode"/>, never an exception.
/// </summary>
public static class LetterTextParser
{
    /// <summary>Parses a letter's text.</summary>
    /// <param name="text">The whole letter.</param>
    /// <param name="format">The form the text came from; <c>null</c> to detect markdown versus PDF text.</param>
    public static Result<ImrLetter, ParseErrorCode> Parse(string text, LetterFormat? format = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.Empty, "the letter has no text");
        }

        var detectedFormat = format ?? (TextNormalizer.LooksLikeMarkup(text) ? LetterFormat.Markdown : LetterFormat.PdfText);
        var warnings = new List<ParseWarning>();
        var lines = TextNormalizer.ToLines(text, warnings);
        var layout = LayoutDetector.Detect(lines);
        var parts = layout switch
        {
            LetterLayout.Notice2013 => Notice2013Parser.Parse(lines, warnings),
            LetterLayout.MedicalProfessionalReview => ProfessionalReviewParser.Parse(lines, warnings),
            _ => FinalDeterminationParser.Parse(lines, warnings),
        };
        if (!parts.TryGetValue(out var letter))
        {
            return Result<ImrLetter, ParseErrorCode>.Fail(parts.Error!);
        }

        if (letter.Header.CaseNumber is null)
        {
            warnings.Add(new ParseWarning(ParseWarningCode.NoCaseNumber, "the letter has no case number; its id is a hash of its text"));
        }

        return new ImrLetter(letter.Header.CaseNumber ?? ContentId(lines), detectedFormat, letter.Header, letter.Reviewer, letter.ClinicalSummary, letter.Items)
        {
            Layout = layout,
            Warnings = warnings.Distinct().ToList(),
        };
    }

    /// <summary>
    /// The id <see cref="Parse"/> gives a letter's text when it has no case number: a hash of its normalized
    /// lines, so the same letter gets the same id whatever its line endings, quotes or markup.
    /// </summary>
    public static string ContentIdOf(string text) => ContentId(TextNormalizer.ToLines(text));

    /// <summary>A stable id for a letter without a case number: a hash of its normalized lines.</summary>
    internal static string ContentId(IEnumerable<string> lines)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return "sha-" + Convert.ToHexStringLower(hash.AsSpan(0, 8));
    }
}
