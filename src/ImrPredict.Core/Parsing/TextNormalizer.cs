using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Turns any of the letter forms into plain trimmed lines: markup, page furniture, typographic
/// quotes and blank lines removed. Line breaks are kept because hard-wrapped text needs them to
/// find item headers; <see cref="JoinLines"/> makes prose of a run of lines.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Splits and cleans a letter's text into its non-blank lines.</summary>
    public static List<string> ToLines(string text)
    {
        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = CleanLine(raw);
            if (line.Length == 0 || IsPageFurniture(line))
            {
                continue;
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Whether the text looks like the markdown/HTML export rather than extracted PDF text.</summary>
    public static bool LooksLikeMarkup(string text) =>
        text.Contains("<b>", StringComparison.OrdinalIgnoreCase)
        || text.Contains("**", StringComparison.Ordinal)
        || MarkdownHeading().IsMatch(text);

    /// <summary>
    /// Joins wrapped lines into one paragraph. A line ending in a hyphen joins the next line without a
    /// space and keeps the hyphen: these letters break lines only at real hyphens ("anti-" / "inflammatories").
    /// </summary>
    public static string JoinLines(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var line in lines)
        {
            if (builder.Length > 0)
            {
                var previous = builder[^1];
                var joinTight = previous == '-' && builder.Length > 1 && char.IsLetterOrDigit(builder[^2])
                    && line.Length > 0 && char.IsLetterOrDigit(line[0]);
                if (!joinTight)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(line);
        }

        return CollapseSpaces(builder.ToString());
    }

    /// <summary>Folds runs of white space into single spaces and trims.</summary>
    public static string CollapseSpaces(string text) => Whitespace().Replace(text, " ").Trim();

    private static string CleanLine(string raw)
    {
        var line = raw;
        if (line.Contains('<'))
        {
            line = HtmlTag().Replace(line, " ");
        }

        if (line.Contains('&'))
        {
            line = WebUtility.HtmlDecode(line);
        }

        line = line.Replace("**", string.Empty, StringComparison.Ordinal);
        line = ReplaceTypography(line);
        line = CollapseSpaces(line);
        line = LeadingMarkdown().Replace(line, string.Empty);
        return line;
    }

    private static string ReplaceTypography(string line)
    {
        if (line.All(c => c < 0x80 && (c >= ' ' || c == '\t')))
        {
            return line;
        }

        var builder = new StringBuilder(line.Length);
        foreach (var c in line)
        {
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u2033' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\u00A0' or '\u2002' or '\u2003' or '\u2009' or '\t' or '\f' or '\v' or '\r' => ' ',
                '\u00AD' or '\u200B' or '\uFEFF' => '\0',
                _ when char.IsControl(c) => ' ',
                _ => c,
            });
        }

        return builder.Replace("\0", string.Empty).Replace("\u2026", "...").ToString();
    }

    private static bool IsPageFurniture(string line) => PageNumber().IsMatch(line);

    [GeneratedRegex(@"<[^>]{1,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(#{1,6}\s+|>\s*)")]
    private static partial Regex LeadingMarkdown();

    [GeneratedRegex(@"^#{1,6} ", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();

    // "Page 2 of 5", "- 3 -", "3", "Page 3": footers and page numbers from PDF extraction.
    [GeneratedRegex(@"^(page\s+\d+(\s+of\s+\d+)?|-?\s*\d{1,3}\s*-?|\d{1,3}\s*/\s*\d{1,3})$", RegexOptions.IgnoreCase)]
    private static partial Regex PageNumber();
}
