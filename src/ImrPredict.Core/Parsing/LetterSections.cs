namespace ImrPredict.Core.Parsing;

/// <summary>Line indexes of the section headings of a letter; -1 where a section is missing.</summary>
internal readonly record struct LetterSections(int HowMade, int Summary, int Decisions)
{
    public static LetterSections Find(List<string> lines)
    {
        int howMade = -1, summary = -1, decisions = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].TrimEnd(':', '.', ' ');
            if (howMade < 0 && line.Equals("HOW THE IMR FINAL DETERMINATION WAS MADE", StringComparison.OrdinalIgnoreCase))
            {
                howMade = i;
            }
            else if (summary < 0 && line.Equals("CLINICAL CASE SUMMARY", StringComparison.OrdinalIgnoreCase))
            {
                summary = i;
            }
            else if (decisions < 0 && line.Equals("IMR ISSUES, DECISIONS AND RATIONALES", StringComparison.OrdinalIgnoreCase))
            {
                decisions = i;
            }
        }

        return new LetterSections(howMade, summary, decisions);
    }

    /// <summary>The first section heading, or <paramref name="fallback"/> when the letter has none before it.</summary>
    public int FirstSectionOr(int fallback) =>
        new[] { HowMade, Summary, Decisions }.Where(i => i >= 0).DefaultIfEmpty(fallback).Min();

    /// <summary>The line index of the next section heading after <paramref name="heading"/>.</summary>
    public int NextAfter(int heading) =>
        new[] { HowMade, Summary, Decisions }.Where(i => i > heading).DefaultIfEmpty(int.MaxValue).Min();
}
