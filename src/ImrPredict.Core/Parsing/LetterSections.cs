namespace ImrPredict.Core.Parsing;

/// <summary>
/// Line indexes of the section headings of a final determination letter (2014 on); -1 where a section is
/// missing. The 2014-2015 letters name the decisions section "IMR DECISION(S) AND RATIONALE(S)" and add
/// "DOCUMENTS REVIEWED" after how the determination was made.
/// </summary>
internal readonly record struct LetterSections(int HowMade, int DocumentsReviewed, int Summary, int Decisions)
{
    // Every layout's section headings, spelt once (LayoutDetector and the older layouts' parsers read them here).
    public const string HowMadeHeading = "HOW THE IMR FINAL DETERMINATION WAS MADE";
    public const string DocumentsReviewedHeading = "DOCUMENTS REVIEWED";
    public const string SummaryHeading = "CLINICAL CASE SUMMARY";
    public const string DecisionsHeading = "IMR ISSUES, DECISIONS AND RATIONALES";
    public const string Decisions2014Heading = "IMR DECISION(S) AND RATIONALE(S)";
    public const string Notice2013Heading = "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE";
    public const string ProfessionalReviewHeading = "MEDICAL PROFESSIONAL REVIEW";

    public static LetterSections Find(List<string> lines)
    {
        int howMade = -1, documents = -1, summary = -1, decisions = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd(':', '.', ' ');
            if (howMade < 0 && line.Equals(HowMadeHeading, StringComparison.OrdinalIgnoreCase))
            {
                howMade = i;
            }
            else if (documents < 0 && line.Equals(DocumentsReviewedHeading, StringComparison.OrdinalIgnoreCase))
            {
                documents = i;
            }
            else if (summary < 0 && line.Equals(SummaryHeading, StringComparison.OrdinalIgnoreCase))
            {
                summary = i;
            }
            else if (decisions < 0 && IsDecisionsHeading(line))
            {
                decisions = i;
            }
        }

        return new LetterSections(howMade, documents, summary, decisions);
    }

    /// <summary>Whether a line is a section heading of any layout (never page furniture).</summary>
    public static bool IsAnyHeading(string line)
    {
        var heading = line.TrimEnd(':', '.', ' ');
        return IsDecisionsHeading(heading) || KnownHeadings.Contains(heading);
    }

    private static readonly HashSet<string> KnownHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        HowMadeHeading, DocumentsReviewedHeading, SummaryHeading, Notice2013Heading, ProfessionalReviewHeading,
    };

    /// <summary>Whether a line is the heading of the decisions section in either wording.</summary>
    public static bool IsDecisionsHeading(string line) =>
        line.Equals(DecisionsHeading, StringComparison.OrdinalIgnoreCase)
        || line.Equals(Decisions2014Heading, StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="line"/> is one of the headings this record finds.</summary>
    public bool IsHeading(int line) => line == HowMade || line == DocumentsReviewed || line == Summary || line == Decisions;

    /// <summary>The first section heading, or <paramref name="fallback"/> when the letter has none before it.</summary>
    public int FirstSectionOr(int fallback) =>
        new[] { HowMade, DocumentsReviewed, Summary, Decisions }.Where(i => i >= 0).DefaultIfEmpty(fallback).Min();

    /// <summary>The line index of the next section heading after <paramref name="heading"/>.</summary>
    public int NextAfter(int heading) =>
        new[] { HowMade, DocumentsReviewed, Summary, Decisions }.Where(i => i > heading).DefaultIfEmpty(int.MaxValue).Min();
}
