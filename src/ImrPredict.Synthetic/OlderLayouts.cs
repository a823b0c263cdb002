using System.Globalization;
using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>
/// Writes a letter in the MAXIMUS layouts of 2013-2015 (<see cref="LetterLayout.Notice2013"/>,
/// <see cref="LetterLayout.FinalDetermination2014"/>, <see cref="LetterLayout.MedicalProfessionalReview"/>) as
/// a sequence of blocks that <see cref="LetterRenderer"/> turns into markdown, hard-wrapped text or a PDF.
/// The letter is first moved to the layout's years (dates and case number) and its partial authorizations,
/// a 2016 phrasing, are written as their remainders.
/// </summary>
public static class OlderLayouts
{
    /// <summary>The kind of a block: a heading, a line kept as it is, or a paragraph to wrap.</summary>
    public enum BlockKind
    {
        /// <summary>A section heading.</summary>
        Heading,

        /// <summary>A short line (a header field, a label) that is not wrapped.</summary>
        Line,

        /// <summary>Prose to wrap.</summary>
        Paragraph,
    }

    private static readonly (BlockKind, string)[] Letterhead =
    [
        (BlockKind.Line, "MAXIMUS FEDERAL SERVICES, INC."),
        (BlockKind.Line, "Independent Medical Review"),
        (BlockKind.Line, "P.O. Box 138009"),
        (BlockKind.Line, "Sacramento, CA 95813-8009"),
    ];

    private const string Determined = "MAXIMUS Federal Services, Inc. has determined the request for";
    private const string NoticeDisclaimer = "The expert reviewer reviewed the medical records provided and found the following summary, quoted from the utilization review determination, to be accurate:";
    private const string HowMade2014 = "MAXIMUS Federal Services sent the complete case file to an expert reviewer. He/she has no affiliation with the employer, employee, providers or the claims administrator. The expert reviewer was selected based on his/her clinical experience, education, background, and expertise in the same or similar specialties that evaluate and/or treat the medical condition and disputed items/services.";
    private const string Documents2014 = "Medical records from the treating providers, the utilization review determination, and the Application for Independent Medical Review with its attachments.";
    private const string SummaryIntro = "The expert reviewer developed the following clinical case summary based on a review of the case file, including all medical records:";

    /// <summary>The letter as it would have been written in <paramref name="layout"/>'s years.</summary>
    public static SyntheticLetter Age(SyntheticLetter letter, LetterLayout layout)
    {
        var year = layout switch
        {
            LetterLayout.FinalDetermination2014 => 2014 + (int)(letter.Index % 2),
            LetterLayout.Notice2013 or LetterLayout.MedicalProfessionalReview => 2013,
            _ => 0,
        };
        if (year == 0 || letter.Header.DecisionDate is not { } decided)
        {
            return letter;
        }

        var years = decided.Year - year;
        var h = letter.Header;
        var header = new LetterHeader(
            h.CaseNumber is { } n ? string.Create(CultureInfo.InvariantCulture, $"CM{year % 100:D2}{n[4..]}") : null,
            h.DateAssigned?.AddYears(-years), h.DateOfInjury?.AddYears(-years), h.DecisionDate?.AddYears(-years),
            h.UrDenialDate?.AddYears(-years), h.Priority, h.ApplicationReceived?.AddYears(-years));
        return letter with { Header = header, Items = letter.Items.Select(i => i with { Partial = null }).ToList() };
    }

    /// <summary>The blocks of <paramref name="letter"/> (already aged) in <paramref name="layout"/>.</summary>
    public static List<(BlockKind Kind, string Text)> Blocks(SyntheticLetter letter, LetterLayout layout) => layout switch
    {
        LetterLayout.Notice2013 => Notice(letter),
        LetterLayout.FinalDetermination2014 => Final2014(letter),
        LetterLayout.MedicalProfessionalReview => ProfessionalReview(letter),
        _ => throw new ArgumentOutOfRangeException(nameof(layout), layout, "the 2016 layout is written by LetterRenderer itself"),
    };

    private static List<(BlockKind, string)> Notice(SyntheticLetter letter)
    {
        var h = letter.Header;
        var b = new List<(BlockKind, string)>(Letterhead)
        {
            (BlockKind.Line, "Notice of Independent Medical Review Determination"),
            (BlockKind.Line, $"Dated: {Short(h.DecisionDate)}"),
            (BlockKind.Line, "Employee: [redacted]"),
            (BlockKind.Line, "Claim Number: [redacted]"),
            (BlockKind.Line, $"Date of Injury: {Short(h.DateOfInjury)}"),
            (BlockKind.Line, $"MAXIMUS Case Number: {h.CaseNumber}"),
            (BlockKind.Paragraph, "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) of the above workers' compensation case. This letter provides you with the IMR Final Determination and explains how the determination was made."),
        };
        for (var i = 0; i < letter.Items.Count; i++)
        {
            b.Add((BlockKind.Paragraph, $"{i + 1}) {Determined} {letter.Items[i].RequestedItem} {Verdict(letter.Items[i])}"));
        }

        b.Add((BlockKind.Paragraph, "This decision is final and binding on all parties, and is not subject to further review except as provided by the Labor Code."));
        b.Add((BlockKind.Heading, "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE"));
        b.Add((BlockKind.Paragraph, $"An application for Independent Medical Review was filed on {Short(h.ApplicationReceived)} disputing the utilization review denial dated {Short(h.UrDenialDate)}."));
        b.Add((BlockKind.Line, "Medical Qualifications of the Expert Reviewer:"));
        b.Add((BlockKind.Paragraph, BoardCertified(letter) + " The expert reviewer has been in active clinical practice for more than five years and is currently working at least 24 hours a week in active practice."));
        b.Add((BlockKind.Line, "Case Summary:"));
        b.Add((BlockKind.Paragraph, NoticeDisclaimer));
        b.Add((BlockKind.Paragraph, "\"" + letter.ClinicalSummary + "\""));
        for (var i = 0; i < letter.Items.Count; i++)
        {
            var item = letter.Items[i];
            b.Add((BlockKind.Paragraph, $"{i + 1}) Regarding the request for {item.RequestedItem}:"));
            b.Add((BlockKind.Line, "Medical Treatment Guideline(s) Relied Upon by the Claims Administrator:"));
            b.Add((BlockKind.Paragraph, item.ClaimsAdministratorGuideline));
            b.Add((BlockKind.Line, "Medical Treatment Guideline(s) Relied Upon by the Expert Reviewer:"));
            b.Add((BlockKind.Paragraph, item.MaximusGuideline));
            b.Add((BlockKind.Line, "Rationale for the Decision:"));
            b.Add((BlockKind.Paragraph, item.Rationale));
        }

        return b;
    }

    private static List<(BlockKind, string)> Final2014(SyntheticLetter letter)
    {
        var h = letter.Header;
        var b = new List<(BlockKind, string)>(Letterhead)
        {
            (BlockKind.Line, "Independent Medical Review Final Determination Letter"),
            (BlockKind.Line, $"Dated: {Long(h.DecisionDate)}"),
            (BlockKind.Line, $"IMR Case Number: {h.CaseNumber} Date of Injury: {Long(h.DateOfInjury)}"),
            (BlockKind.Line, $"Claim Number: [redacted] UR Denial Date: {Long(h.UrDenialDate)}"),
            (BlockKind.Line, $"Priority: {h.Priority} Application Received: {Long(h.ApplicationReceived)}"),
            (BlockKind.Line, "Employee: [redacted]"),
            (BlockKind.Line, "Provider Name: [redacted]"),
            (BlockKind.Paragraph, "Treatment(s) in Dispute Listed on IMR Application: " + string.Join("; ", letter.Items.Select(i => i.RequestedItem))),
            (BlockKind.Paragraph, "MAXIMUS Federal Services, Inc. has completed the Independent Medical Review (IMR) of the above workers' compensation case. This letter provides you with the IMR Final Determination and explains how the determination was made."),
            (BlockKind.Heading, "HOW THE IMR FINAL DETERMINATION WAS MADE"),
            (BlockKind.Paragraph, HowMade2014 + " " + BoardCertified(letter)),
            (BlockKind.Heading, "DOCUMENTS REVIEWED"),
            (BlockKind.Paragraph, Documents2014),
            (BlockKind.Heading, "CLINICAL CASE SUMMARY"),
            (BlockKind.Paragraph, SummaryIntro),
            (BlockKind.Paragraph, letter.ClinicalSummary),
            (BlockKind.Heading, "IMR DECISION(S) AND RATIONALE(S)"),
            (BlockKind.Paragraph, "The Final Determination was based on decisions for the disputed items/services set forth below:"),
        };
        for (var i = 0; i < letter.Items.Count; i++)
        {
            var item = letter.Items[i];
            b.Add((BlockKind.Paragraph, $"{i + 1}. {item.RequestedItem} {Verdict(item)}"));
            b.Add((BlockKind.Paragraph, "Claims Administrator guideline: " + item.ClaimsAdministratorGuideline));
            b.Add((BlockKind.Paragraph, "MAXIMUS guideline: " + item.MaximusGuideline));
            b.Add((BlockKind.Paragraph, "Decision rationale: " + item.Rationale));
        }

        return b;
    }

    private static List<(BlockKind, string)> ProfessionalReview(SyntheticLetter letter)
    {
        var h = letter.Header;
        var b = new List<(BlockKind, string)>
        {
            (BlockKind.Heading, "MEDICAL PROFESSIONAL REVIEW"),
            (BlockKind.Line, $"IMR Case Number: {h.CaseNumber} Date of Injury: {Short(h.DateOfInjury)}"),
            (BlockKind.Line, $"UR Denial Date: {Short(h.UrDenialDate)} Application Received: {Short(h.ApplicationReceived)}"),
            (BlockKind.Line, $"Decision Date: {Short(h.DecisionDate)} Priority: {h.Priority}"),
            (BlockKind.Line, "ISSUE AT DISPUTE:"),
        };
        for (var i = 0; i < letter.Items.Count; i++)
        {
            b.Add((BlockKind.Paragraph, $"{i + 1}. {letter.Items[i].RequestedItem} {Verdict(letter.Items[i])}"));
        }

        b.Add((BlockKind.Line, "CASE SUMMARY:"));
        b.Add((BlockKind.Paragraph, letter.ClinicalSummary));
        b.Add((BlockKind.Line, "DOCUMENTS REVIEWED FOR DETERMINATION:"));
        b.Add((BlockKind.Paragraph, Documents2014));
        foreach (var item in letter.Items)
        {
            b.Add((BlockKind.Line, "MEDICAL TREATMENT GUIDELINE(S) RELIED UPON BY PROFESSIONAL REVIEWER AND WHY:"));
            b.Add((BlockKind.Paragraph, item.MaximusGuideline));
            b.Add((BlockKind.Line, "RATIONALE FOR WHY THE REQUESTED TREATMENT/SERVICE IS/WAS NOT MEDICALLY NECESSARY:"));
            b.Add((BlockKind.Paragraph, item.Rationale));
        }

        b.Add((BlockKind.Line, "MEDICAL REVIEWER QUALIFICATIONS:"));
        b.Add((BlockKind.Paragraph, BoardCertified(letter)));
        return b;
    }

    private static string Verdict(SyntheticItem item) =>
        item.Decision == Decision.Upheld ? "is not medically necessary and appropriate." : "is medically necessary and appropriate.";

    private static string BoardCertified(SyntheticLetter letter) =>
        $"The expert reviewer is Board Certified in {string.Join(" & ", letter.Reviewer.Specialties)} and is licensed to practice in {string.Join(", ", letter.Reviewer.Licensure)}.";

    // 2013 letters wrote dates without leading zeros; later ones with.
    private static string Short(DateOnly? date) => date?.ToString("M/d/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Long(DateOnly? date) => date?.ToString("MM/dd/yyyy", CultureInfo.InvariantCulture) ?? string.Empty;
}
