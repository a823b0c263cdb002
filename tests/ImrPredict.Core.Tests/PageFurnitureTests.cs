namespace ImrPredict.Core.Tests;

/// <summary>Page furniture in every form extractors leave, wherever a page break falls: the letter reads as without it.</summary>
public class PageFurnitureTests
{
    // {BREAK} marks where a page ends: inside the summary's sentence, inside an item header, inside a rationale, at the end.
    private const string Letter = """
        Case Number: CM16-0221706
        Date Assigned: 11/09/2016 Date of Injury: 10/13/2016
        Decision Date: 12/09/2016 UR Denial Date: 11/03/2016
        Priority: Standard Application Received: 11/03/2016
        HOW THE IMR FINAL DETERMINATION WAS MADE
        MAXIMUS Federal Services sent the complete case file to an expert reviewer.
        State(s) of Licensure: California
        Certification(s)/Specialty: Family Practice
        CLINICAL CASE SUMMARY
        The expert reviewer developed the following clinical case summary based on a review of the
        case file, including all medical records:
        The injured worker is a 48 year old male who sustained an industrial injury. The pain was
        {BREAK}
        rated 6-8 on a 10-point scale. Treatment to date has included physical therapy.
        IMR ISSUES, DECISIONS AND RATIONALES
        The Final Determination was based on decisions for the disputed items/services set forth below:
        MRI of the cervical
        {BREAK}
        spine without contrast: Upheld
        Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
        MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
        Decision rationale: There is no evidence of specific nerve compromise warranting an MRI.
        Therefore the request for an MRI of the cervical spine is not medically necessary.
        Norco 10/325mg #120: Overturned
        Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.
        MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.
        Decision rationale: The records document functional improvement and a consistent urine drug
        {BREAK}
        screen. Therefore the request for Norco 10/325mg #120 is medically necessary.
        {BREAK}
        """;

    private static string Clean => string.Join('\n', Letter.Split('\n').Where(l => l != "{BREAK}"));

    public static TheoryData<string, Func<int, int, string>> Furniture() => new()
    {
        { "page n of m", (page, pages) => $"Page {page} of {pages}" },
        { "case number and page", (page, pages) => $"CM16-0221706    Page {page} of {pages}" },
        { "page and case number", (page, pages) => $"Page {page} of {pages}    CM16-0221706" },
        { "labelled case number and page", (page, pages) => $"IMR Case Number: CM16-0221706 Page {page} of {pages}" },
        { "dashed page number", (page, _) => $"- {page} -" },
        { "bare page number", (page, _) => $"{page}" },
        { "form feed", (_, _) => "\f" },
        { "footer and form feed", (page, pages) => $"CM16-0221706 Page {page} of {pages}\n\f" },
        { "running header after the break", (page, pages) => $"Page {page} of {pages}\n\fIndependent Medical Review Final Determination" },
        { "repeated running header and footer", (page, pages) => $"Final Determination Letter for IMR Case Number CM16-0221706\n{page}/{pages}\n\fFinal Determination Letter for IMR Case Number CM16-0221706" },
    };

    [Theory]
    [MemberData(nameof(Furniture))]
    public void Page_furniture_is_removed_wherever_it_falls(string form, Func<int, int, string> footer)
    {
        var clean = LetterTextParser.Parse(Clean).Value;
        var page = 0;
        var text = string.Join('\n', Letter.Split('\n').Select(line => line == "{BREAK}" ? footer(++page, 4) : line));

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, $"{form}: {result.Error}");
        var letter = result.Value;
        Assert.Equal("CM16-0221706", letter.LetterId);
        Assert.Equal(clean.Header, letter.Header);
        Assert.Equal(clean.ClinicalSummary, letter.ClinicalSummary);
        Assert.Equal(["MRI of the cervical spine without contrast", "Norco 10/325mg #120"], letter.Items.Select(i => i.RequestedItem));
        Assert.Equal(clean.Items.Select(i => (i.Decision, i.Rationale)), letter.Items.Select(i => (i.Decision, i.Rationale)));
        Assert.Empty(letter.Warnings);
    }

    [Fact]
    public void A_footer_glued_to_the_end_of_an_item_header_is_cut_off_it()
    {
        var text = Letter.Replace("MRI of the cervical\n{BREAK}\nspine without contrast: Upheld", "MRI Cervical Spine: Upheld CM16-0221706 Page 1 of 2", StringComparison.Ordinal)
            .Replace("{BREAK}", string.Empty, StringComparison.Ordinal);

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("MRI Cervical Spine", result.Value.Items[0].RequestedItem);
        Assert.Equal(Letters.Decision.Upheld, result.Value.Items[0].Decision);
    }

    [Fact]
    public void A_page_scanned_twice_is_read_once_with_a_warning()
    {
        var lines = Clean.Split('\n');
        var summaryPage = string.Join('\n', lines[..14]);
        var text = summaryPage + "\n\f" + summaryPage + "\n\f" + string.Join('\n', lines[14..]);

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(2, result.Value.Items.Count);
        Assert.DoesNotContain("rated 6-8 on a 10-point scale. Treatment to date has included physical therapy. The injured worker", result.Value.ClinicalSummary, StringComparison.Ordinal);
        Assert.Contains(result.Value.Warnings, w => w.Code == Letters.ParseWarningCode.RepeatedPage);
    }
}
