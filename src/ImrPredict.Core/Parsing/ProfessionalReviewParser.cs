using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the "MEDICAL PROFESSIONAL REVIEW" form: header fields, "ISSUE AT DISPUTE:" with one numbered
/// line per item stating its determination ("1. X is not medically necessary and appropriate."), "CASE
/// SUMMARY:", "DOCUMENTS REVIEWED FOR DETERMINATION:", then per issue, in the order of the issues, the
/// guidelines relied upon "AND WHY" and the rationale, and "MEDICAL REVIEWER QUALIFICATIONS:".
/// </summary>
internal static partial class ProfessionalReviewParser
{
    private const int Issues = 0, CaseSummary = 1, Documents = 2, Guidelines = 3, Rationale = 4, Qualifications = 5;

    private static readonly Regex[] Labels =
    [
        new(@"^ISSUES?\s+AT\s+DISPUTE\s*:", RegexOptions.IgnoreCase),
        new(@"^CASE\s+SUMMARY\s*:", RegexOptions.IgnoreCase),
        new(@"^DOCUMENTS\s+REVIEWED\s+FOR\s+DETERMINATION\s*:", RegexOptions.IgnoreCase),
        new(@"^MEDICAL\s+TREATMENT\s+GUIDELINE\(S\)\s+RELIED\s+UPON\s+BY\s+PROFESSIONAL\s+REVIEWER\s+AND\s+WHY\s*:", RegexOptions.IgnoreCase),
        new(@"^RATIONALE\s+FOR\s+WHY\s+THE\s+REQUESTED\s+TREATMENT\s*/\s*SERVICE\s+IS\s*/\s*WAS\s+NOT\s+MEDICALLY\s+NECESSARY\s*:", RegexOptions.IgnoreCase),
        new(@"^MEDICAL\s+REVIEWER\s+QUALIFICATIONS\s*:", RegexOptions.IgnoreCase),
    ];

    public static Result<LetterParts, ParseErrorCode> Parse(List<string> lines, ICollection<ParseWarning> warnings)
    {
        var blocks = LabelledBlocks.Split(lines, 0, lines.Count, Labels);
        var headerEnd = blocks.Count > 0 ? blocks[0].Line : lines.Count;
        var header = HeaderFieldReader.Read(lines.GetRange(0, headerEnd), warnings);
        var issues = blocks.FirstOrDefault(b => b.Kind == Issues);
        if (issues.Text is null)
        {
            return Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.NoDecisionsSection, "the medical professional review has no 'ISSUE AT DISPUTE:' section");
        }

        var determinations = IssueLine().Matches(issues.Text)
            .Select(m => (Item: m.Groups["item"].Value.Trim(), Decision: DecisionWords.FromSentence(m.Groups["verdict"].Value)))
            .ToList();
        if (determinations.Count == 0)
        {
            return Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                $"'ISSUE AT DISPUTE:' states no determination ('1. X is (not) medically necessary'): '{ItemSectionParser.Shorten(issues.Text)}'");
        }

        // Each rationale follows its issue's guidelines; the k-th pair belongs to the k-th issue.
        var pairs = new List<(string? Guidelines, string? Rationale)>();
        foreach (var block in blocks)
        {
            if (block.Kind == Guidelines)
            {
                pairs.Add((block.Text, null));
            }
            else if (block.Kind == Rationale)
            {
                if (pairs.Count == 0 || pairs[^1].Rationale is not null)
                {
                    pairs.Add((null, block.Text));
                }
                else
                {
                    pairs[^1] = pairs[^1] with { Rationale = block.Text };
                }
            }
        }

        var endsWithQualifications = blocks.Count > 0 && blocks[^1].Kind == Qualifications;
        var items = new List<DisputedItem>(determinations.Count);
        for (var i = 0; i < determinations.Count; i++)
        {
            var (item, decision) = determinations[i];
            var rationale = i < pairs.Count ? pairs[i].Rationale : null;
            var isLast = i == determinations.Count - 1 && !endsWithQualifications;
            if (string.IsNullOrEmpty(rationale))
            {
                return Result<LetterParts, ParseErrorCode>.Fail(isLast ? ParseErrorCode.Truncated : ParseErrorCode.ItemWithoutRationale,
                    $"issue {i + 1} ('{ItemSectionParser.Shorten(item)}') has no rationale" + (isLast ? ": the letter ends before it" : string.Empty));
            }

            if (isLast && RationaleEnding.Check(rationale, i + 1, item, warnings) is { } truncated)
            {
                return Result<LetterParts, ParseErrorCode>.Fail(truncated);
            }

            items.Add(ItemSectionParser.Build(i, item, decision, null, pairs[i].Guidelines, rationale));
        }

        if (pairs.Count > determinations.Count)
        {
            return Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                $"the review has {pairs.Count} rationales but 'ISSUE AT DISPUTE:' states {determinations.Count} determination(s)");
        }

        var reviewer = blocks.FirstOrDefault(b => b.Kind == Qualifications) is { Text: { } q } ? ReviewerReader.Read([q]) : ReviewerCredentials.None;
        var summary = blocks.FirstOrDefault(b => b.Kind == CaseSummary).Text ?? string.Empty;
        return new LetterParts(header, reviewer, summary, items);
    }

    // "1. Norco 10/325mg #120 is not medically necessary and appropriate." (numbers optional for a single issue).
    [GeneratedRegex(@"(?:^|(?<=[.:]\s))(?:\d{1,2}\s*[.)]\s*)?(?:(?:the\s+)?request\s+for\s+)?(?<item>[^.].*?)\s+(?<verdict>is\s+not|was\s+not|is|was)\s+medically\s+necessary(?:\s+and\s+appropriate)?\s*\.?", RegexOptions.IgnoreCase)]
    private static partial Regex IssueLine();
}
