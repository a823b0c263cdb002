using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Parses the text of an IMR final determination letter (markdown/HTML or PDF-extracted) into an
/// <see cref="ImrLetter"/>. Bad input gives a <see cref="Error{TCode}"/> with a <see cref="ParseErrorCode"/>, never an exception.
/// </summary>
public static partial class LetterTextParser
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
        var lines = TextNormalizer.ToLines(text);
        var sections = LetterSections.Find(lines);
        if (sections.Decisions < 0)
        {
            return sections.Summary < 0 && sections.HowMade < 0
                ? Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.NotAnImrLetter,
                    "no section of an IMR determination letter was found (looked for 'CLINICAL CASE SUMMARY' and 'IMR ISSUES, DECISIONS AND RATIONALES')")
                : Result<ImrLetter, ParseErrorCode>.Fail(ParseErrorCode.NoDecisionsSection,
                    "the letter has no 'IMR ISSUES, DECISIONS AND RATIONALES' section");
        }

        var header = ParseHeader(lines, 0, sections.FirstSectionOr(sections.Decisions));
        var reviewer = sections.HowMade >= 0
            ? ParseReviewer(lines, sections.HowMade + 1, sections.NextAfter(sections.HowMade))
            : ReviewerCredentials.None;
        var summary = sections.Summary >= 0
            ? ParseSummary(lines, sections.Summary + 1, sections.NextAfter(sections.Summary))
            : string.Empty;

        var items = ItemSectionParser.Parse(lines, sections.Decisions + 1, lines.Count);
        if (!items.Success)
        {
            return items.Error;
        }

        var letterId = header.CaseNumber ?? ContentId(lines);
        return new ImrLetter(letterId, detectedFormat, header, reviewer, summary, items.Value);
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

    private static LetterHeader ParseHeader(List<string> lines, int start, int end)
    {
        if (end <= start)
        {
            return LetterHeader.Empty;
        }

        var text = string.Join(' ', lines.Skip(start).Take(end - start));
        var caseMatch = CaseNumber().Match(text);
        return new LetterHeader(
            caseMatch.Success ? caseMatch.Groups[1].Value.ToUpperInvariant() : null,
            HeaderDate(text, "Date Assigned"),
            HeaderDate(text, "Date of Injury"),
            HeaderDate(text, "Decision Date"),
            HeaderDate(text, "UR Denial Date"),
            Priority().Match(text) is { Success: true } p ? p.Groups[1].Value : null,
            HeaderDate(text, "Application Received"));
    }

    private static DateOnly? HeaderDate(string headerText, string label)
    {
        // Labels may wrap ("Application\nReceived:") and values may sit on the next line.
        var pattern = Regex.Escape(label).Replace(@"\ ", @"\s+", StringComparison.Ordinal) + @"\s*:\s*(\d{1,2}/\d{1,2}/\d{2,4})";
        var match = Regex.Match(headerText, pattern, RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));
        return match.Success ? ParseDate(match.Groups[1].Value) : null;
    }

    /// <summary>Reads m/d/yyyy or m/d/yy; null for an impossible date.</summary>
    internal static DateOnly? ParseDate(string value)
    {
        string[] formats = ["M/d/yyyy", "M/d/yy"];
        return DateOnly.TryParseExact(value, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : null;
    }

    private static ReviewerCredentials ParseReviewer(List<string> lines, int start, int end)
    {
        var text = TextNormalizer.JoinLines(lines.Skip(start).Take(end - start));
        var licensure = Licensure().Match(text);
        var specialty = Certifications().Match(text);
        if (licensure.Success || specialty.Success)
        {
            return new ReviewerCredentials(
                licensure.Success ? SplitList(licensure.Groups[1].Value, splitOnAmpersand: false) : [],
                specialty.Success ? SplitList(specialty.Groups[1].Value, splitOnAmpersand: false) : []);
        }

        // "The expert reviewer is Board Certified in Internal Medicine & Emergency Medicine, and is licensed to practice in Florida."
        var board = BoardCertified().Match(text);
        var licensed = LicensedIn().Match(text);
        return new ReviewerCredentials(
            licensed.Success ? SplitList(licensed.Groups[1].Value, splitOnAmpersand: false) : [],
            board.Success ? SplitList(board.Groups[1].Value, splitOnAmpersand: true) : []);
    }

    private static List<string> SplitList(string value, bool splitOnAmpersand)
    {
        var separators = splitOnAmpersand ? new[] { ',', '&' } : new[] { ',' };
        var parts = new List<string>();
        foreach (var raw in value.Split(separators, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw.TrimEnd('.', ';').Trim();
            if (part.Length == 0)
            {
                continue;
            }

            // "Physical Medicine & Rehabilitation" is one specialty, not two.
            if (splitOnAmpersand && parts.Count > 0 && part.Equals("Rehabilitation", StringComparison.OrdinalIgnoreCase))
            {
                parts[^1] += " & " + part;
                continue;
            }

            parts.Add(part);
        }

        return parts;
    }

    private static string ParseSummary(List<string> lines, int start, int end)
    {
        var text = TextNormalizer.JoinLines(lines.Skip(start).Take(end - start));
        return SummaryIntro().Replace(text, string.Empty, 1).Trim();
    }

    [GeneratedRegex(@"Case\s+Number\s*:\s*(CM\d{2}-\d{5,8})", RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumber();

    [GeneratedRegex(@"Priority\s*:\s*(Standard|Expedited|Urgent)", RegexOptions.IgnoreCase)]
    private static partial Regex Priority();

    [GeneratedRegex(@"State\(s\)\s+of\s+Licensure\s*:\s*(.+?)\s*(?=Certification\(s\)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Licensure();

    [GeneratedRegex(@"Certification\(s\)\s*/\s*Specialty\s*:\s*(.+?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Certifications();

    [GeneratedRegex(@"Board\s+Certified\s+in\s+(.+?)\s*,?\s+and\s+is\s+licensed", RegexOptions.IgnoreCase)]
    private static partial Regex BoardCertified();

    [GeneratedRegex(@"licensed\s+to\s+practice\s+in\s+(.+?)\s*\.", RegexOptions.IgnoreCase)]
    private static partial Regex LicensedIn();

    [GeneratedRegex(@"^The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryIntro();
}
