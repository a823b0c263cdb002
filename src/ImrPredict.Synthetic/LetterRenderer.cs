using System.Globalization;
using System.Text;
using ImrPredict.Core.Letters;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace ImrPredict.Synthetic;

/// <summary>Renders a <see cref="SyntheticLetter"/> into the three letter forms real letters come in.</summary>
public static class LetterRenderer
{
    private const string HowMade = "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. He/she has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services. He/she is familiar with governing laws and regulations, including the strength of evidence hierarchy that applies to Independent Medical Review determinations.";
    private const string SummaryIntro = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";
    private const string DecisionsIntro = "The Final Determination was based on decisions for the disputed items/services set forth below:";

    /// <summary>The markdown/HTML export form (header table with bold labels, ### headings, **Item:** Decision).</summary>
    /// <param name="letter">The letter.</param>
    /// <param name="layout">The layout to write it in; older layouts move the letter to their years first.</param>
    public static string Markdown(SyntheticLetter letter, LetterLayout layout = LetterLayout.FinalDetermination)
    {
        if (layout != LetterLayout.FinalDetermination)
        {
            return OlderMarkdown(OlderLayouts.Age(letter, layout), layout);
        }

        var h = letter.Header;
        var b = new StringBuilder(8192);
        b.Append("\n\n<b>Case Number:</b>\t").Append(h.CaseNumber).Append("\t\t\n");
        b.Append("<b>Date Assigned:</b>\t").Append(Date(h.DateAssigned)).Append("\t<b>Date of Injury:</b>\t").Append(Date(h.DateOfInjury)).Append('\n');
        b.Append("<b>Decision Date:</b>\t").Append(Date(h.DecisionDate)).Append("\t<b>UR Denial Date:</b>\t").Append(Date(h.UrDenialDate)).Append('\n');
        b.Append("<b>Priority:</b>\t").Append(h.Priority).Append("\t<b>Application Received:</b>\t").Append(Date(h.ApplicationReceived)).Append("\n\n");
        b.Append("### HOW THE IMR FINAL DETERMINATION WAS MADE\n\n");
        AppendCredentials(b, letter, "\n\n", bullet: " ");
        b.Append("### CLINICAL CASE SUMMARY\n\n").Append(SummaryIntro).Append("\n\n").Append(letter.ClinicalSummary).Append("\n\n");
        b.Append("## IMR ISSUES, DECISIONS AND RATIONALES\n\n").Append(DecisionsIntro).Append("\n\n");
        foreach (var item in letter.Items)
        {
            b.Append("**").Append(ItemHeaderWithoutDecision(item)).Append(":** ").Append(item.Decision).Append("\n\n");
            b.Append("**Claims Administrator guideline:** ").Append(item.ClaimsAdministratorGuideline).Append("\n\n");
            b.Append("**MAXIMUS guideline:** ").Append(item.MaximusGuideline).Append("\n\n");
            b.Append("**Decision rationale:** ").Append(item.Rationale).Append("\n\n");
        }

        return b.ToString();
    }

    /// <summary>
    /// Hard-wrapped text as PDF extraction gives it. The layout quirks are drawn from the letter's own
    /// generator so the same seed gives the same bytes: header table or none, blank lines between lines,
    /// CRLF, typographic quotes, page footers, decisions on their own lines.
    /// </summary>
    /// <param name="letter">The letter.</param>
    /// <param name="layout">The layout to write it in; older layouts always keep their header.</param>
    public static string Text(SyntheticLetter letter, LetterLayout layout = LetterLayout.FinalDetermination)
    {
        var rng = new Rng(letter.Index, 0x7E57);
        var includeHeader = rng.Chance(0.5);
        var width = rng.Between(88, 98);
        var lines = layout == LetterLayout.FinalDetermination
            ? PlainLines(letter, rng, includeHeader, width)
            : LayoutLines(OlderLayouts.Age(letter, layout), layout, width);
        var doubleSpaced = rng.Chance(0.5);
        var crlf = rng.Chance(0.3);
        var curly = rng.Chance(0.3);
        var pageLength = rng.Between(40, 55);
        var footer = rng.Next(3);
        var newline = crlf ? "\r\n" : "\n";
        var b = new StringBuilder(lines.Sum(l => l.Length + 4) + 256);
        var totalPages = lines.Count / pageLength + 1;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = curly ? Curl(lines[i]) : lines[i];
            b.Append(line).Append(' ').Append(newline);
            if (doubleSpaced)
            {
                b.Append(newline);
            }

            if ((i + 1) % pageLength == 0 && i + 1 < lines.Count)
            {
                var page = (i + 1) / pageLength;
                b.Append(newline);
                b.Append(footer switch
                {
                    0 => string.Create(CultureInfo.InvariantCulture, $"Page {page} of {totalPages}"),
                    1 => page.ToString(CultureInfo.InvariantCulture),
                    _ => "\f",
                }).Append(newline).Append(newline);
            }
        }

        return b.ToString();
    }

    /// <summary>A real PDF with a text layer: Helvetica, wrapped lines, as many pages as it takes.</summary>
    /// <param name="letter">The letter.</param>
    /// <param name="layout">The layout to write it in.</param>
    public static byte[] Pdf(SyntheticLetter letter, LetterLayout layout = LetterLayout.FinalDetermination)
    {
        var rng = new Rng(letter.Index, 0x9DF);
        var lines = layout == LetterLayout.FinalDetermination
            ? PlainLines(letter, rng, includeHeader: true, width: 96)
            : LayoutLines(OlderLayouts.Age(letter, layout), layout, width: 96);
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        const double top = 750, bottom = 60, lineHeight = 12.5;
        var page = builder.AddPage(PageSize.Letter);
        var y = top;
        foreach (var line in lines)
        {
            if (y < bottom)
            {
                page = builder.AddPage(PageSize.Letter);
                y = top;
            }

            page.AddText(line, 9, new PdfPoint(50, y), font);
            y -= lineHeight;
        }

        return WithStableId(builder.Build(), letter.Index);
    }

    /// <summary>
    /// PdfPig writes random GUIDs as the trailer's /ID; replace them, in place and at the same length, with
    /// hex derived from the letter so a seed gives byte-identical PDFs. Offsets do not move.
    /// </summary>
    private static byte[] WithStableId(byte[] pdf, long index)
    {
        var marker = "/ID [ <"u8;
        var at = pdf.AsSpan().LastIndexOf(marker);
        if (at < 0)
        {
            return pdf;
        }

        var rng = new Rng(index, 0x1D);
        var position = at + marker.Length;
        const string hex = "0123456789ABCDEF";
        for (var i = position; i < pdf.Length && pdf[i] != (byte)']'; i++)
        {
            if (Uri.IsHexDigit((char)pdf[i]))
            {
                pdf[i] = (byte)hex[rng.Next(16)];
            }
        }

        return pdf;
    }

    private static List<string> PlainLines(SyntheticLetter letter, Rng rng, bool includeHeader, int width)
    {
        var lines = new List<string>(256);
        var h = letter.Header;
        if (includeHeader)
        {
            lines.Add($"Case Number: {h.CaseNumber}");
            lines.Add($"Date Assigned: {Date(h.DateAssigned)} Date of Injury: {Date(h.DateOfInjury)}");
            lines.Add($"Decision Date: {Date(h.DecisionDate)} UR Denial Date: {Date(h.UrDenialDate)}");
            lines.Add($"Priority: {h.Priority} Application");
            lines.Add("Received:");
            lines.Add(Date(h.ApplicationReceived));
        }

        lines.Add("HOW THE IMR FINAL DETERMINATION WAS MADE");
        var credentials = new StringBuilder();
        AppendCredentials(credentials, letter, "\n", bullet: string.Empty);
        foreach (var paragraph in credentials.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Wrap(paragraph, width, lines);
        }

        lines.Add("CLINICAL CASE SUMMARY");
        Wrap(SummaryIntro, width, lines);
        Wrap(letter.ClinicalSummary, width, lines);
        lines.Add("IMR ISSUES, DECISIONS AND RATIONALES");
        Wrap(DecisionsIntro, width, lines);
        foreach (var item in letter.Items)
        {
            var header = ItemHeaderWithoutDecision(item) + ":";
            if (rng.Chance(0.2))
            {
                Wrap(header, width, lines);
                lines.Add(item.Decision.ToString());
            }
            else
            {
                Wrap($"{header} {item.Decision}", width, lines);
            }

            Wrap("Claims Administrator guideline: " + item.ClaimsAdministratorGuideline, width, lines);
            Wrap("MAXIMUS guideline: " + item.MaximusGuideline, width, lines);
            Wrap("Decision rationale: " + item.Rationale, width, lines);
        }

        return lines;
    }

    private static string OlderMarkdown(SyntheticLetter letter, LetterLayout layout)
    {
        var b = new StringBuilder(8192);
        foreach (var (kind, text) in OlderLayouts.Blocks(letter, layout))
        {
            b.Append(kind switch
            {
                OlderLayouts.BlockKind.Heading => "### " + text,
                OlderLayouts.BlockKind.Line when text.EndsWith(':') => "**" + text + "**",
                _ => text,
            }).Append("\n\n");
        }

        return b.ToString();
    }

    private static List<string> LayoutLines(SyntheticLetter letter, LetterLayout layout, int width)
    {
        var lines = new List<string>(256);
        foreach (var (kind, text) in OlderLayouts.Blocks(letter, layout))
        {
            if (kind == OlderLayouts.BlockKind.Paragraph)
            {
                Wrap(text, width, lines);
            }
            else
            {
                lines.Add(text);
            }
        }

        return lines;
    }

    private static void AppendCredentials(StringBuilder b, SyntheticLetter letter, string paragraphBreak, string bullet)
    {
        var licensure = string.Join(", ", letter.Reviewer.Licensure);
        if (letter.BoardCertifiedPhrasing)
        {
            var specialties = string.Join(" & ", letter.Reviewer.Specialties);
            var sentence = $"The expert reviewer is Board Certified in {specialties} and is licensed to practice in {licensure}.";
            var split = HowMade.IndexOf(" He/she has been", StringComparison.Ordinal);
            b.Append(HowMade[..split]).Append(' ').Append(sentence).Append(HowMade[split..]).Append(paragraphBreak);
            return;
        }

        b.Append(HowMade).Append(paragraphBreak);
        b.Append("The Expert Reviewer has the following credentials:").Append(paragraphBreak == "\n" ? "\n" : "  \n");
        b.Append(bullet).Append("State(s) of Licensure: ").Append(licensure).Append(paragraphBreak == "\n" ? "\n" : "  \n");
        b.Append(bullet).Append("Certification(s)/Specialty: ").Append(string.Join(", ", letter.Reviewer.Specialties)).Append(paragraphBreak);
    }

    private static string ItemHeaderWithoutDecision(SyntheticItem item) => item.Partial is { } partial
        ? $"{partial.OriginalRequest} was the original request. {partial.AuthorizedPortion} was authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, {partial.DisputedRemainder} is"
        : item.RequestedItem;

    /// <summary>Greedy word wrap; a hyphenated word that does not fit breaks after its hyphen, as word processors do.</summary>
    private static void Wrap(string text, int width, List<string> lines)
    {
        var line = new StringBuilder(width + 16);
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var piece = word;
            while (true)
            {
                var needed = line.Length == 0 ? piece.Length : line.Length + 1 + piece.Length;
                if (needed <= width || line.Length == 0)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(piece);
                    break;
                }

                var hyphen = piece.IndexOf('-', StringComparison.Ordinal);
                if (hyphen > 0 && hyphen < piece.Length - 1 && char.IsLetter(piece[hyphen - 1]) && char.IsLetter(piece[hyphen + 1])
                    && line.Length + 1 + hyphen + 1 <= width)
                {
                    line.Append(' ').Append(piece, 0, hyphen + 1);
                    piece = piece[(hyphen + 1)..];
                }

                lines.Add(line.ToString());
                line.Clear();
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line.ToString());
        }
    }

    private static string Curl(string line)
    {
        if (!line.Contains('"') && !line.Contains('\''))
        {
            return line;
        }

        var b = new StringBuilder(line.Length);
        var open = true;
        foreach (var c in line)
        {
            if (c == '"')
            {
                b.Append(open ? '\u201C' : '\u201D');
                open = !open;
            }
            else
            {
                b.Append(c == '\'' ? '\u2019' : c);
            }
        }

        return b.ToString();
    }

    private static string Date(DateOnly? date) => date?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
