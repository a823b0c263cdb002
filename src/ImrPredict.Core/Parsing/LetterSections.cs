namespace ImrPredict.Core.Parsing;

/// <summary>
/// Line indexes of the section headings of a final determination letter (2014 on); -1 where a section is
/// missing. The 2014-2015 letters name the decisions section "IMR DECISION(S) AND RATIONALE(S)" and add
/// "DOCUMENTS REVIEWED" after how the determination was made.
/// </summary>
internal readonly record struct LetterSections(int HowMade, int DocumentsReviewed, int Summary, int Decisions)
{
    public static LetterSections Find(List<string> lines)
    {
        int howMade = -1, documents = -1, summary = -1, decisions = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd(':', '.', ' ');
            if (howMade < 0 && line.Equals("HOW THE IMR FINAL DETERMINATION WAS MADE", StringComparison.OrdinalIgnoreCase))
            {
                howMade = i;
            }
            else if (documents < 0 && line.Equals("DOCUMENTS REVIEWED", StringComparison.OrdinalIgnoreCase))
            {
                documents = i;
            }
            else if (summary < 0 && line.Equals("CLINICAL CASE SUMMARY", StringComparison.OrdinalIgnoreCase))
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
        "HOW THE IMR FINAL DETERMINATION WAS MADE", "DOCUMENTS REVIEWED", "CLINICAL CASE SUMMARY",
        "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE", "MEDICAL PROFESSIONAL REVIEW",
    };

    /// <summary>Whether a line is the heading of the decisions section in either wording.</summary>
    public static bool IsDecisionsHeading(string line) =>
        line.Equals("IMR ISSUES, DECISIONS AND RATIONALES", StringComparison.OrdinalIgnoreCase)
        || line.Equals("IMR DECISION(S) AND RATIONALE(S)", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether <paramref name="line"/> is one of the headings this record finds.</summary>
    public bool IsHeading(int line) => line == HowMade || line == DocumentsReviewed || line == Summary || line == Decisions;

    /// <summary>The first section heading, or <paramref name="fallback"/> when the letter has none before it.</summary>
    public int FirstSectionOr(int fallback) =>
        new[] { HowMade, DocumentsReviewed, Summary, Decisions }.Where(i => i >= 0).DefaultIfEmpty(fallback).Min();

    /// <summary>The line index of the next section heading after <paramref name="heading"/>.</summary>
    public int NextAfter(int heading) =>
        new[] { HowMade, DocumentsReviewed, Summary, Decisions }.Where(i => i > heading).DefaultIfEmpty(int.MaxValue).Min();
}
