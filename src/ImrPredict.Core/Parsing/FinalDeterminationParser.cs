using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the final determination letters of 2014 on (<see cref="LetterLayout.FinalDetermination"/> and
/// <see cref="LetterLayout.FinalDetermination2014"/>): header fields, how the determination was made,
/// documents reviewed, the clinical case summary and the decisions section.
/// </summary>
internal static partial class FinalDeterminationParser
{
    public static Result<LetterParts, ParseErrorCode> Parse(List<string> lines, ICollection<ParseWarning> warnings)
    {
        var sections = LetterSections.Find(lines);
        if (sections.Decisions < 0)
        {
            return sections.Summary < 0 && sections.HowMade < 0
                ? Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.NotAnImrLetter,
                    "no section of an IMR determination letter was found (looked for 'CLINICAL CASE SUMMARY' and 'IMR ISSUES, DECISIONS AND RATIONALES')")
                : Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.NoDecisionsSection,
                    "the letter has no 'IMR ISSUES, DECISIONS AND RATIONALES' section");
        }

        var headerEnd = sections.FirstSectionOr(sections.Decisions);
        var header = HeaderFieldReader.Read(lines.GetRange(0, headerEnd), warnings);
        var reviewer = sections.HowMade >= 0
            ? ReviewerReader.Read(lines.Skip(sections.HowMade + 1).Take(sections.NextAfter(sections.HowMade) - sections.HowMade - 1))
            : ReviewerCredentials.None;
        var summary = sections.Summary >= 0 ? Summary(lines, sections.Summary + 1, sections.NextAfter(sections.Summary)) : string.Empty;
        WarnOfUnknownHeadings(lines, headerEnd, sections, warnings);

        var items = ItemSectionParser.Parse(lines, sections.Decisions + 1, lines.Count, warnings);
        return items.Success
            ? new LetterParts(header, reviewer, summary, items.Value)
            : Result<LetterParts, ParseErrorCode>.Fail(items.Error);
    }

    private static string Summary(List<string> lines, int start, int end)
    {
        var text = TextNormalizer.JoinLines(lines.Skip(start).Take(Math.Min(end, lines.Count) - start));
        return SummaryIntro().Replace(text, string.Empty, 1).Trim();
    }

    /// <summary>A heading-like line (capitals, no digits, several words) that is none of the known sections.</summary>
    private static void WarnOfUnknownHeadings(List<string> lines, int from, LetterSections sections, ICollection<ParseWarning> warnings)
    {
        for (var i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Length > 2 && char.IsAsciiLetterUpper(line[0]) && char.IsAsciiLetterUpper(line[1]) && !sections.IsHeading(i) && HeadingLike().IsMatch(line))
            {
                warnings.Add(new ParseWarning(ParseWarningCode.UnknownSection,
                    $"'{ItemSectionParser.Shorten(lines[i])}' looks like a section heading the parser does not know; its text was read with the section before it"));
            }
        }
    }

    [GeneratedRegex(@"^The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records\s*:?", RegexOptions.IgnoreCase)]
    private static partial Regex SummaryIntro();

    // At least three words in capitals and nothing else: "PATIENT HISTORY AND FINDINGS".
    [GeneratedRegex(@"^[A-Z][A-Z'&,()/-]*(\s+[A-Z'&,()/-]+){2,}:?$")]
    private static partial Regex HeadingLike();
}
