using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Removes what a page adds to a letter's text wherever extraction put it: footers and headers with or
/// without the case number ("Page 2 of 4", "CM16-0221706    Page 1 of 2", "- 2 -", a bare page number),
/// running headers repeated at the top or bottom of pages, form feeds, and a page scanned twice.
/// A footer can fall inside an item header or mid-sentence; removing whole lines keeps the text around it
/// joinable, and a footer glued to the end of a text line is cut off it.
/// </summary>
internal static partial class PageFurniture
{
    // A running header or footer is short and is not a sentence.
    private const int MaxRunningLineLength = 120;

    /// <summary>Cleaned, non-blank lines of <paramref name="text"/> without page furniture.</summary>
    public static List<string> Remove(string text, ICollection<ParseWarning>? warnings)
    {
        var pages = SplitPages(text);

        // A page scanned twice would otherwise make its first and last lines look like running headers.
        for (var p = pages.Count - 1; p > 0; p--)
        {
            if (pages[p].Count >= 5 && pages[p].SequenceEqual(pages[p - 1]))
            {
                warnings?.Add(new ParseWarning(ParseWarningCode.RepeatedPage, $"page {p + 1} repeats page {p} word for word; the copy was left out"));
                pages.RemoveAt(p);
            }
        }

        RemoveRunningLines(pages);
        return pages.SelectMany(p => p).ToList();
    }

    /// <summary>Pages as lists of cleaned lines, split at form feeds and at page-number footers.</summary>
    private static List<List<string>> SplitPages(string text)
    {
        var pages = new List<List<string>>();
        foreach (var sheet in text.Split('\f'))
        {
            var page = new List<string>();
            foreach (var raw in sheet.Split('\n'))
            {
                var line = TextNormalizer.CleanLine(raw);
                if (line.Length == 0)
                {
                    continue;
                }

                if (!IsFurniture(line))
                {
                    page.Add(StripGluedFooter(line));
                }
                else if (page.Count > 0)
                {
                    // A page-number footer ends a page even where the extractor wrote no form feed.
                    pages.Add(page);
                    page = [];
                }
            }

            if (page.Count > 0)
            {
                pages.Add(page);
            }
        }

        return pages;
    }

    /// <summary>Drops a line that starts (or ends) most pages, such as "IMR Case Number CM16-0213037".</summary>
    private static void RemoveRunningLines(List<List<string>> pages)
    {
        if (pages.Count < 2)
        {
            return;
        }

        var needed = Math.Max(2, pages.Count / 2);
        for (var pass = 0; pass < 3; pass++)
        {
            var removed = RemoveRepeated(pages, needed, first: true) | RemoveRepeated(pages, needed, first: false);
            if (!removed)
            {
                return;
            }
        }
    }

    private static bool RemoveRepeated(List<List<string>> pages, int needed, bool first)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages.Where(p => p.Count > 0))
        {
            var line = first ? page[0] : page[^1];
            if (line.Length <= MaxRunningLineLength && !ItemSectionParser.EndsSentence(line) && !line.EndsWith(':') && !LetterSections.IsAnyHeading(line))
            {
                counts[line] = counts.GetValueOrDefault(line) + 1;
            }
        }

        var running = counts.Where(c => c.Value >= needed).Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        var removed = false;
        for (var p = 0; p < pages.Count; p++)
        {
            var page = pages[p];
            if (page.Count == 0)
            {
                continue;
            }

            // In a two-page letter a running header shows once; a title or case number topping a later page is one too.
            var at = first ? 0 : page.Count - 1;
            if (running.Contains(page[at]) || (first && p > 0 && RunningTitle().IsMatch(page[at])))
            {
                page.RemoveAt(at);
                removed = true;
            }
        }

        return removed;
    }

    /// <summary>Whether a whole cleaned line is page furniture.</summary>
    internal static bool IsFurniture(string line) =>
        line.Length <= 80 && line.AsSpan().IndexOfAnyInRange('0', '9') >= 0 && (PageNumber().IsMatch(line) || CaseNumberAndPage().IsMatch(line) || PageAndCaseNumber().IsMatch(line));

    private static string StripGluedFooter(string line)
    {
        if (!line.Contains("page", StringComparison.OrdinalIgnoreCase))
        {
            return line;
        }

        var stripped = GluedFooter().Replace(line, string.Empty);
        return stripped.Length > 0 ? stripped : line;
    }

    // "Page 2 of 5", "Page 3".
    private const string PageOf = @"page\s*\d{1,3}(\s*(of|/)\s*\d{1,3})?";

    // "Page 2 of 5", "Page 3", "- 3 -", "3", "3/5", "3 of 5".
    private const string PageMark = "(" + PageOf + @"|-\s*\d{1,3}\s*-|\d{1,3}(\s*(of|/)\s*\d{1,3})?)";

    // "CM16-0221706", "IMR Case Number: CM16-0221706", "Case No. CM16-0221706".
    private const string CaseNumber = @"((imr\s+|maximus\s+)?case\s+(number|no\.?|#)\s*:?\s*)?CM\d{2}-\d{5,8}";

    [GeneratedRegex("^" + PageMark + "$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();

    // "CM16-0221706    Page 1 of 2", "IMR Case Number: CM16-0221706 - 2 -", "Case No. CM16-0221706 | 3".
    [GeneratedRegex("^" + CaseNumber + @"\b\s*[,|-]?\s*" + PageMark + "$", RegexOptions.IgnoreCase)]
    private static partial Regex CaseNumberAndPage();

    // "Page 1 of 2    CM16-0221706".
    [GeneratedRegex("^" + PageOf + @"\s*[,|-]?\s*" + CaseNumber + "$", RegexOptions.IgnoreCase)]
    private static partial Regex PageAndCaseNumber();

    // "Independent Medical Review Final Determination", "MAXIMUS Federal Services, Inc.", "IMR Case Number CM16-0213037".
    [GeneratedRegex(@"^(independent\s+medical\s+review\s+final\s+determination(\s+letter)?|maximus\s+federal\s+services,?(\s+inc\.?)?|" + CaseNumber + ")$", RegexOptions.IgnoreCase)]
    private static partial Regex RunningTitle();

    // A footer an extractor put on the end of a text line: "MRI Cervical Spine: Upheld CM17-0012345 Page 1 of 2".
    [GeneratedRegex(@"\s+((imr\s+)?case\s+(number|no\.?)\s*:?\s*)?(CM\d{2}-\d{5,8}\s+)?page\s+\d{1,3}\s+of\s+\d{1,3}$", RegexOptions.IgnoreCase)]
    private static partial Regex GluedFooter();
}
