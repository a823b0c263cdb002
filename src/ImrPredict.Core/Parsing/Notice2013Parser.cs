using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Reads the 2013 "Notice of Independent Medical Review Determination": header fields, numbered
/// determinations ("1) MAXIMUS Federal Services, Inc. has determined the request for X is not medically
/// necessary and appropriate." is Upheld; "... is medically necessary ..." is Overturned), then
/// "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" with the filing and denial dates in a sentence, the
/// reviewer's qualifications, the case summary (often a quoted UR summary after a disclaimer) and a section
/// per item ("1) Regarding the request for X:") with the guidelines relied upon and the rationale.
/// </summary>
internal static partial class Notice2013Parser
{
    private const int Qualifications = 0, CaseSummary = 1, ItemHeading = 2, ClaimsAdministrator = 3, Reviewer = 4, Rationale = 5;

    private static readonly Regex[] Labels =
    [
        new(@"^Medical\s+Qualifications\s+of\s+the\s+Expert\s+Reviewer\s*:", RegexOptions.IgnoreCase),
        new(@"^(Expert\s+Reviewer\s+)?Case\s+Summary\s*:", RegexOptions.IgnoreCase),
        new(@"^\d{1,2}\s*\)\s*Regarding\s+the\s+request\s+for\b", RegexOptions.IgnoreCase),
        new(@"^Medical\s+Treatment\s+Guideline\(s\)\s+Relied\s+Upon\s+by\s+the\s+Claims\s+Administrator\s*:", RegexOptions.IgnoreCase),
        new(@"^Medical\s+Treatment\s+Guideline\(s\)\s+Relied\s+Upon\s+by\s+the\s+Expert\s+Reviewer\s*:", RegexOptions.IgnoreCase),
        new(@"^Rationale\s+for\s+the\s+Decision\s*:", RegexOptions.IgnoreCase),
    ];

    public static Result<LetterParts, ParseErrorCode> Parse(List<string> lines, ICollection<ParseWarning> warnings)
    {
        var heading = lines.FindIndex(l => l.TrimEnd(':', ' ').Equals(LetterSections.Notice2013Heading, StringComparison.OrdinalIgnoreCase));
        var firstDetermination = lines.FindIndex(l => DeterminationStart().IsMatch(l));
        if (heading < 0)
        {
            return Result<LetterParts, ParseErrorCode>.Fail(ParseErrorCode.NoDecisionsSection,
                "the 2013 notice has no 'INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE' section");
        }

        var headerEnd = firstDetermination >= 0 && firstDetermination < heading ? firstDetermination : heading;
        var header = HeaderFieldReader.Read(lines.GetRange(0, headerEnd), warnings);
        var determinations = Determinations(lines, headerEnd, heading);

        var blocks = LabelledBlocks.Split(lines, heading + 1, lines.Count, Labels);
        var intro = TextNormalizer.JoinLines(lines.Skip(heading + 1).Take((blocks.Count > 0 ? blocks[0].Line : lines.Count) - heading - 1));
        header = header with
        {
            ApplicationReceived = header.ApplicationReceived ?? DateIn(FiledOn(), intro, warnings),
            UrDenialDate = header.UrDenialDate ?? DateIn(DeniedOn(), intro, warnings),
        };

        var reviewer = blocks.FirstOrDefault(b => b.Kind == Qualifications) is { Text: { } q } ? ReviewerReader.Read([q]) : ReviewerCredentials.None;
        var summary = blocks.FirstOrDefault(b => b.Kind == CaseSummary) is { Text: { } s } ? Summary(s) : string.Empty;
        var items = Items(lines, blocks, determinations, warnings);
        return items.Success
            ? new LetterParts(header, reviewer, summary, items.Value)
            : Result<LetterParts, ParseErrorCode>.Fail(items.Error);
    }

    private static Result<IReadOnlyList<DisputedItem>, ParseErrorCode> Items(
        List<string> lines, List<LabelledBlocks.Block> blocks, Dictionary<int, (string Item, Decision Decision)> determinations, ICollection<ParseWarning> warnings)
    {
        var sections = new List<(int Number, string Item, string? Ca, string? Reviewer, string? Rationale)>();
        foreach (var block in blocks)
        {
            if (block.Kind == ItemHeading)
            {
                var number = int.TryParse(NumberOf().Match(lines[block.Line]).Value, out var n) ? n : sections.Count + 1;
                sections.Add((number, block.Text.TrimEnd(':', ' '), null, null, null));
            }
            else if (sections.Count > 0 && block.Kind is ClaimsAdministrator or Reviewer or Rationale)
            {
                var s = sections[^1];
                sections[^1] = block.Kind switch
                {
                    ClaimsAdministrator => s with { Ca = block.Text },
                    Reviewer => s with { Reviewer = block.Text },
                    _ => s with { Rationale = block.Text },
                };
            }
        }

        if (sections.Count == 0)
        {
            return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(ParseErrorCode.NoItems,
                "the 2013 notice has no item section ('1) Regarding the request for ...:')");
        }

        var items = new List<DisputedItem>(sections.Count);
        for (var i = 0; i < sections.Count; i++)
        {
            var (number, item, ca, reviewer, rationale) = sections[i];
            var isLast = i == sections.Count - 1;
            if (!determinations.TryGetValue(number, out var determination))
            {
                return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(ParseErrorCode.ItemWithoutDecision,
                    $"item {number} ('{ItemSectionParser.Shorten(item)}') has no determination ('{number}) MAXIMUS Federal Services, Inc. has determined the request for ... is (not) medically necessary')");
            }

            if (string.IsNullOrEmpty(rationale))
            {
                return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(isLast ? ParseErrorCode.Truncated : ParseErrorCode.ItemWithoutRationale,
                    $"item {number} ('{ItemSectionParser.Shorten(item)}') has no 'Rationale for the Decision'" + (isLast ? ": the letter ends before it" : string.Empty));
            }

            if (isLast && RationaleEnding.Check(rationale, number, item, warnings) is { } truncated)
            {
                return Result<IReadOnlyList<DisputedItem>, ParseErrorCode>.Fail(truncated);
            }

            items.Add(ItemSectionParser.Build(i, determination.Item, determination.Decision, ca, reviewer, rationale));
        }

        return items;
    }

    private static Dictionary<int, (string Item, Decision Decision)> Determinations(List<string> lines, int start, int end)
    {
        var text = TextNormalizer.JoinLines(lines.Skip(start).Take(end - start));
        var determinations = new Dictionary<int, (string, Decision)>();
        foreach (Match match in Determination().Matches(text))
        {
            determinations.TryAdd(int.Parse(match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture),
                (match.Groups["item"].Value.Trim(), DecisionWords.FromSentence(match.Groups["verdict"].Value)));
        }

        return determinations;
    }

    private static string Summary(string text)
    {
        var summary = Disclaimer().Replace(text, string.Empty, 1).Trim();
        return summary.Length > 1 && summary[0] == '"' && summary[^1] == '"' ? summary[1..^1].Trim() : summary;
    }

    private static DateOnly? DateIn(Regex pattern, string text, ICollection<ParseWarning> warnings) =>
        pattern.Match(text) is { Success: true } m ? Dates.Parse(m.Groups["date"].Value, warnings) : null;

    [GeneratedRegex(@"^\d{1,2}\s*\)\s*MAXIMUS\s+Federal\s+Services", RegexOptions.IgnoreCase)]
    private static partial Regex DeterminationStart();

    [GeneratedRegex(@"(?<n>\d{1,2})\s*\)\s*MAXIMUS\s+Federal\s+Services,?\s+Inc\.?\s+has\s+determined\s+the\s+request\s+for\s+(?<item>.+?)\s+(?<verdict>is\s+not|is)\s+medically\s+necessary(\s+and\s+appropriate)?\s*\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Determination();

    [GeneratedRegex(@"^\d{1,2}")]
    private static partial Regex NumberOf();

    [GeneratedRegex(@"\bfiled\s+on\s+(?<date>" + Dates.Pattern + ")", RegexOptions.IgnoreCase)]
    private static partial Regex FiledOn();

    [GeneratedRegex(@"\bdenial\s+dated\s+(?<date>" + Dates.Pattern + ")", RegexOptions.IgnoreCase)]
    private static partial Regex DeniedOn();

    // "The expert reviewer ... the following summary, quoted from the utilization review determination, ...:"
    [GeneratedRegex(@"^The\s+expert\s+reviewer\b[^:""]{0,400}:\s*", RegexOptions.IgnoreCase)]
    private static partial Regex Disclaimer();
}
