namespace ImrPredict.Core.Tests;

/// <summary>The header table in every arrangement extractors give it.</summary>
public class HeaderArrangementTests
{
    private static readonly LetterHeader Full = new("CM16-0213037", new DateOnly(2016, 11, 9), new DateOnly(2016, 10, 13),
        new DateOnly(2016, 12, 9), new DateOnly(2016, 11, 3), "Standard", new DateOnly(2016, 11, 4));

    public static TheoryData<string, string, LetterHeader> Arrangements() => new()
    {
        {
            "label and value on one line",
            "Case Number: CM16-0213037\nDate Assigned: 11/09/2016\nDate of Injury: 10/13/2016\nDecision Date: 12/09/2016\nUR Denial Date: 11/03/2016\nPriority: Standard\nApplication Received: 11/04/2016",
            Full
        },
        {
            "two pairs per line (pdftotext -layout, PdfPig)",
            "Case Number:          CM16-0213037\nDate Assigned:        11/09/2016      Date of Injury:      10/13/2016\nDecision Date:        12/09/2016      UR Denial Date:      11/03/2016\nPriority:             Standard        Application          11/04/2016\n                                      Received:",
            Full
        },
        {
            "all labels, then all values (pdftotext plain)",
            "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0213037\n11/09/2016\n12/09/2016\nStandard\n\nDate of Injury:\nUR Denial Date:\nApplication\nReceived:\n\n10/13/2016\n11/03/2016\n11/04/2016",
            Full
        },
        {
            "each value on the line after its label (mutool)",
            "Case Number:\nCM16-0213037\nDate Assigned:\n11/09/2016\nDate of Injury:\n10/13/2016\nDecision Date:\n12/09/2016\nUR Denial Date:\n11/03/2016\nPriority:\nStandard\nApplication\nReceived:\n11/04/2016",
            Full
        },
        {
            "values missing on their lines",
            "Case Number: CM16-0213037\nDate Assigned: Date of Injury: 10/13/2016\nDecision Date: 12/09/2016 UR Denial Date:\nPriority: Standard Application Received: 11/04/2016",
            Full with { DateAssigned = null, UrDenialDate = null }
        },
        {
            "column order with the case number missing",
            "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n11/09/2016\n12/09/2016\nStandard\nDate of Injury:\nUR Denial Date:\nApplication Received:\n10/13/2016\n11/03/2016\n11/04/2016",
            Full with { CaseNumber = null }
        },
        {
            "OCR's letters for digits",
            "Case Number: CM16-O2l3037\nDate Assigned: 11/O9/2016 Date of Injury: 10/13/2016\nDecision Date: 12/09/2016 UR Denial Date: 11/03/2016\nPriority: Standard Application Received: 11/04/2016",
            Full
        },
    };

    [Theory]
    [MemberData(nameof(Arrangements))]
    public void Header_fields_are_read_in_every_arrangement(string arrangement, string header, LetterHeader expected)
    {
        var result = LetterTextParser.Parse(header + "\n" + OneItemLetter.Body);

        Assert.True(result.Success, $"{arrangement}: {result.Error}");
        Assert.Equal(expected, result.Value.Header);
        Assert.Equal(expected.CaseNumber ?? result.Value.LetterId, result.Value.LetterId);
    }

    [Fact]
    public void The_same_letter_as_pdftotext_plain_and_layout_text_gets_one_id()
    {
        const string plain = "Case Number:\nDate Assigned:\nDecision Date:\nPriority:\n\nCM16-0213037\n11/09/2016\n12/09/2016\nStandard\n\nDate of Injury:\nUR Denial Date:\nApplication\nReceived:\n\n10/13/2016\n11/03/2016\n11/04/2016";
        const string layout = "Case Number:          CM16-0213037\nDate Assigned:        11/09/2016      Date of Injury:      10/13/2016\nDecision Date:        12/09/2016      UR Denial Date:      11/03/2016\nPriority:             Standard        Application          11/04/2016\n                                      Received:";

        var fromPlain = LetterTextParser.Parse(plain + "\n" + OneItemLetter.Body).Value;
        var fromLayout = LetterTextParser.Parse(layout + "\n" + OneItemLetter.Body).Value;

        Assert.Equal("CM16-0213037", fromPlain.LetterId);
        Assert.Equal(fromLayout.LetterId, fromPlain.LetterId);
    }
}
