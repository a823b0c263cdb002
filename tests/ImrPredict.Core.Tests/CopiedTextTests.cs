namespace ImrPredict.Core.Tests;

/// <summary>Text copied from a browser or a word processor: the characters it brings do not change what is read.</summary>
public class CopiedTextTests
{
    private const string Letter = "Case Number: CM16-0213037\nHOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the case file to an expert reviewer.\n"
        + "CLINICAL CASE SUMMARY\nThe injured worker is a 48 year old male with neck pain and significant stiffness.\nIMR ISSUES, DECISIONS AND RATIONALES\n"
        + "MRI of the cervical spine: Upheld\nClaims Administrator guideline: Decision based on MTUS 2004.\nMAXIMUS guideline: Decision based on MTUS 2004.\n"
        + "Decision rationale: The request for an MRI of the cervical spine is not medically necessary.\n";

    public static TheoryData<string, Func<string, string>> Copies() => new()
    {
        { "CRLF line ends", t => t.Replace("\n", "\r\n", StringComparison.Ordinal) },
        { "no-break spaces", t => t.Replace(" ", "\u00A0", StringComparison.Ordinal) },
        { "tabs between words", t => t.Replace(": ", ":\t", StringComparison.Ordinal) },
        { "soft hyphens inside words", t => t.Replace("cervical", "cer\u00ADvi\u00ADcal", StringComparison.Ordinal) },
        { "zero-width characters", t => t.Replace("MRI", "M\u200BR\u200DI", StringComparison.Ordinal).Replace("Upheld", "Uph\u2060eld", StringComparison.Ordinal) },
        { "fi ligature", t => t.Replace("significant", "signi\uFB01cant", StringComparison.Ordinal) },
        { "byte-order mark and typographic quotes", t => "\uFEFF" + t.Replace("The injured", "\u201CThe injured", StringComparison.Ordinal).Replace("stiffness.", "stiffness.\u201D", StringComparison.Ordinal) },
    };

    [Theory]
    [MemberData(nameof(Copies))]
    public void Copied_text_reads_as_the_plain_letter(string copy, Func<string, string> transform)
    {
        var plain = LetterTextParser.Parse(Letter).Value;

        var result = LetterTextParser.Parse(transform(Letter));

        Assert.True(result.Success, $"{copy}: {result.Error}");
        Assert.Equal(plain.LetterId, result.Value.LetterId);
        Assert.Equal(plain.Items.Select(i => (i.RequestedItem, i.Decision, i.Rationale)), result.Value.Items.Select(i => (i.RequestedItem, i.Decision, i.Rationale)));
        Assert.Equal(plain.ClinicalSummary.Replace("\"", string.Empty, StringComparison.Ordinal), result.Value.ClinicalSummary.Replace("\"", string.Empty, StringComparison.Ordinal));
    }
}
