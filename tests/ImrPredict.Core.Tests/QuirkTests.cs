namespace ImrPredict.Core.Tests;

/// <summary>Table-driven cases for each layout quirk of real letters, on small hand-written letters.</summary>
public class QuirkTests
{
    private const string Intro = """
        HOW THE IMR FINAL DETERMINATION WAS MADE
        MAXIMUS Federal Services sent the complete case file to an expert reviewer.
        The Expert Reviewer has the following credentials:
        State(s) of Licensure: California, Nevada
        Certification(s)/Specialty: Family Practice
        CLINICAL CASE SUMMARY
        The expert reviewer developed the following clinical case summary based on a review of the
        case file, including all medical records:
        The injured worker is a 50 year old male with chronic low back pain.
        IMR ISSUES, DECISIONS AND RATIONALES
        The Final Determination was based on decisions for the disputed items/services set forth below:
        """;

    private static string Join(params string[] parts) => string.Join('\n', parts);

    private static string Item(string header, string rationale = "The request is not medically necessary.") => $"""
        {header}
        Claims Administrator guideline: Decision based on MTUS Chronic Pain Treatment Guidelines.
        MAXIMUS guideline: Decision based on MTUS Chronic Pain Treatment Guidelines Opioids Page(s): 78, 91.
        Decision rationale: {rationale}
        """;

    public static TheoryData<string, string, string, string> Headers() => new()
    {
        { "one line", "Norco 10/325mg #120: Upheld", "Norco 10/325mg #120", "Upheld" },
        { "decision on its own line", "Norco 10/325mg #120:\nOverturned", "Norco 10/325mg #120", "Overturned" },
        { "header wrapped over lines", "Additional physical therapy two times four visits (8) for the lumbar\nand bilateral knees:\nUpheld", "Additional physical therapy two times four visits (8) for the lumbar and bilateral knees", "Upheld" },
        { "extra spaces", "  Percocet 5/325 #120:   Overturned  ", "Percocet 5/325 #120", "Overturned" },
        { "markdown bold", "**Baclofen 20mg #90:** Upheld", "Baclofen 20mg #90", "Upheld" },
        { "html bold", "<b>MRI of the lumbar spine:</b> Upheld", "MRI of the lumbar spine", "Upheld" },
        { "no colon", "Urine drug screen Upheld", "Urine drug screen", "Upheld" },
        { "quantity wrapped to the start of a line", "Norco 10/325mg\n#120: Upheld", "Norco 10/325mg #120", "Upheld" },
        { "hyphen at line end", "Anti-\ninflammatory cream 120gm:\nUpheld", "Anti-inflammatory cream 120gm", "Upheld" },
    };

    [Theory]
    [MemberData(nameof(Headers))]
    public void Item_headers_come_out_whole(string quirk, string header, string requested, string decision)
    {
        var text = Join(Intro, Item("Gabapentin 300mg #90: Upheld"), Item(header));

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, $"{quirk}: {result.Error}");
        Assert.Equal(2, result.Value.Items.Count);
        Assert.Equal(requested, result.Value.Items[1].RequestedItem);
        Assert.Equal(decision, result.Value.Items[1].Decision.ToString());
        Assert.Equal("Gabapentin 300mg #90", result.Value.Items[0].RequestedItem);
    }

    public static TheoryData<string, string> PartialHeaders() => new()
    {
        {
            "authorized by the claims administrator",
            "Norco 10/325mg #60 was the original request. Norco 10/325mg #25 was authorized by the Claims\nAdministrator. The remaining IMR eligible portion of the original request, Norco 10/325mg #35\nis: Upheld"
        },
        {
            "claims administrator authorized, leaving",
            "Norco 10/325mg #60 was the original request. The Claims Administrator authorized Norco\n10/325mg #25, leaving the original request IMR eligible. The original request, Norco 10/325mg #35 is:\nUpheld"
        },
        {
            "first sentence ends a line",
            "Norco 10/325mg #60 was the original request.\nNorco 10/325mg #25 was authorized by the Claims Administrator.\nThe remaining IMR eligible portion of the original request, Norco 10/325mg #35: Upheld"
        },
    };

    [Theory]
    [MemberData(nameof(PartialHeaders))]
    public void Partial_authorization_headers(string quirk, string header)
    {
        var text = Join(Intro, Item("Gabapentin 300mg #90: Upheld"), Item(header));

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, $"{quirk}: {result.Error}");
        var item = result.Value.Items[1];
        Assert.Equal("Norco 10/325mg #35", item.RequestedItem);
        Assert.Equal(new PartialAuthorization("Norco 10/325mg #60", "Norco 10/325mg #25", "Norco 10/325mg #35"), item.Partial);
        Assert.Equal(35, item.Attributes.Quantity);
        Assert.Equal("The request is not medically necessary.", result.Value.Items[0].Rationale);
    }

    [Fact]
    public void Rationale_across_a_page_break_comes_out_whole()
    {
        var text = Join(Intro, Item("Norco 10/325mg #120: Upheld", "The applicant was off of work. The applicant continued to\n\nPage 2 of 3\n\f\nreport difficulty with activities of daily living. Therefore the request is not medically\n3\nnecessary."));

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(
            "The applicant was off of work. The applicant continued to report difficulty with activities of daily living. Therefore the request is not medically necessary.",
            result.Value.Items[0].Rationale);
    }

    [Fact]
    public void Crlf_unicode_quotes_and_hyphenation_are_normalized()
    {
        var text = Join(Intro, Item("Norco 10/325mg #120: Upheld", "Per the \u201C4 A\u2019s\u201D of on-\ngoing opioid management, the request is not medically necessary.")).Replace("\n", "\r\n");

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal("Per the \"4 A's\" of on-going opioid management, the request is not medically necessary.", result.Value.Items[0].Rationale);
    }

    [Fact]
    public void Header_laid_out_as_a_table_is_read()
    {
        var header = """
             Case Number: CM16-0213037
            Date Assigned: 11/09/2016 Date of Injury:  10/13/2016
            Decision Date: 12/09/2016 UR Denial Date:  11/03/2016
            Priority:  Standard Application
            Received:
            11/03/2016

            """;

        var result = LetterTextParser.Parse(Join(header, Intro, Item("Norco 10/325mg #120: Upheld")));

        Assert.True(result.Success, result.Error?.ToString());
        var parsed = result.Value.Header;
        Assert.Equal(new LetterHeader("CM16-0213037", new DateOnly(2016, 11, 9), new DateOnly(2016, 10, 13), new DateOnly(2016, 12, 9), new DateOnly(2016, 11, 3), "Standard", new DateOnly(2016, 11, 3)), parsed);
        Assert.Equal("CM16-0213037", result.Value.LetterId);
        Assert.Equal(21, result.Value.DaysFromInjuryToUrDenial);
    }

    [Fact]
    public void Missing_header_gives_absent_fields_and_a_stable_content_id()
    {
        var text = Join(Intro, Item("Norco 10/325mg #120: Upheld"));

        var first = LetterTextParser.Parse(text);
        var second = LetterTextParser.Parse(text.Replace("\n", "\r\n"));
        var other = LetterTextParser.Parse(text.Replace("50 year old", "51 year old"));

        Assert.Equal(LetterHeader.Empty, first.Value.Header);
        Assert.Null(first.Value.DaysFromInjuryToUrDenial);
        Assert.StartsWith("sha-", first.Value.LetterId);
        Assert.Equal(first.Value.LetterId, second.Value.LetterId);
        Assert.NotEqual(first.Value.LetterId, other.Value.LetterId);
    }

    [Theory]
    [InlineData("The expert reviewer is Board Certified in Internal Medicine & Emergency Medicine, and is licensed to practice in Florida.", new[] { "Florida" }, new[] { "Internal Medicine", "Emergency Medicine" })]
    [InlineData("The expert reviewer is Board Certified in Occupational Medicine and is licensed to practice in California.", new[] { "California" }, new[] { "Occupational Medicine" })]
    [InlineData("The expert\nreviewer is Board Certified in Physical Medicine & Rehabilitation and is licensed to practice in Texas, Ohio.", new[] { "Texas", "Ohio" }, new[] { "Physical Medicine & Rehabilitation" })]
    [InlineData("The Expert Reviewer has the following credentials:\nState(s) of Licensure: Texas,New York,California\nCertification(s)/Specialty: Preventive Medicine, Occupational Medicine, Public Health &\nGeneral Preventive Medicine", new[] { "Texas", "New York", "California" }, new[] { "Preventive Medicine", "Occupational Medicine", "Public Health & General Preventive Medicine" })]
    public void Reviewer_credentials_in_both_phrasings(string credentials, string[] licensure, string[] specialties)
    {
        var text = Join(
            "HOW THE IMR FINAL DETERMINATION WAS MADE\nMAXIMUS Federal Services sent the complete case file to an expert reviewer.",
            credentials,
            Intro[Intro.IndexOf("CLINICAL CASE SUMMARY", StringComparison.Ordinal)..],
            Item("Norco 10/325mg #120: Upheld"));

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        Assert.Equal(licensure, result.Value.Reviewer.Licensure);
        Assert.Equal(specialties, result.Value.Reviewer.Specialties);
    }

    [Fact]
    public void Claims_administrator_without_citation_gives_only_the_reviewer_citations()
    {
        var text = Join(Intro, """
            Physical exam 2 times 8: Upheld
            Claims Administrator guideline: The Claims Administrator did not cite any medical evidence
            for its decision.
            MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment 2016,
            Section(s): Physical medicine treatment.
            Decision rationale: The request is not medically necessary.
            """);

        var result = LetterTextParser.Parse(text);

        Assert.True(result.Success, result.Error?.ToString());
        var item = result.Value.Items[0];
        Assert.Equal("The Claims Administrator did not cite any medical evidence for its decision.", item.ClaimsAdministratorGuideline);
        var citation = Assert.Single(item.GuidelineCitations);
        Assert.Equal(GuidelineSource.Mtus, citation.Source);
        Assert.Equal("Chronic Pain Medical Treatment 2016, Section(s): Physical medicine treatment", citation.Topic);
    }
}
