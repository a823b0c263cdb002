using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Parsing;

/// <summary>
/// Turns any of the letter forms into plain trimmed lines: markup, page furniture, typographic
/// quotes and blank lines removed. Line breaks are kept because hard-wrapped text needs them to
/// find item headers; <see cref="JoinLines"/> makes prose of a run of lines.
/// </summary>
internal static partial class TextNormalizer
{
    /// <summary>Splits and cleans a letter's text into its non-blank lines, page furniture removed.</summary>
    public static List<string> ToLines(string text, ICollection<ParseWarning>? warnings = null) => PageFurniture.Remove(text, warnings);

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

    /// <summary>One line without markup, typographic characters or runs of white space.</summary>
    public static string CleanLine(string raw)
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
            switch (c)
            {
                case '\u2018' or '\u2019' or '\u201A' or '\u2032':
                    builder.Append('\'');
                    break;
                case '\u201C' or '\u201D' or '\u201E' or '\u2033':
                    builder.Append('"');
                    break;
                case '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212':
                    builder.Append('-');
                    break;
                case '\u00A0' or '\u2002' or '\u2003' or '\u2007' or '\u2009' or '\u202F' or '\t' or '\f' or '\v' or '\r':
                    builder.Append(' ');
                    break;

                // Soft hyphens and zero-width characters come with text copied from browsers and word processors.
                case '\u00AD' or '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF':
                    break;

                // Ligatures that PDF extraction and OCR leave as one character.
                case '\uFB00':
                    builder.Append("ff");
                    break;
                case '\uFB01':
                    builder.Append("fi");
                    break;
                case '\uFB02':
                    builder.Append("fl");
                    break;
                case '\uFB03':
                    builder.Append("ffi");
                    break;
                case '\uFB04':
                    builder.Append("ffl");
                    break;
                case '\u2026':
                    builder.Append("...");
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"<[^>]{1,200}>")]
    private static partial Regex HtmlTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(#{1,6}\s+|>\s*)")]
    private static partial Regex LeadingMarkdown();

    [GeneratedRegex(@"^#{1,6} ", RegexOptions.Multiline)]
    private static partial Regex MarkdownHeading();
}
