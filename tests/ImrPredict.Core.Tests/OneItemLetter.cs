namespace ImrPredict.Core.Tests;

/// <summary>The smallest letter the parser accepts, below its header: one item, one decision, one rationale.</summary>
internal static class OneItemLetter
{
    /// <summary>The body: how the determination was made, the summary and one upheld MRI with its rationale.</summary>
    public const string Body = """
        HOW THE IMR FINAL DETERMINATION WAS MADE
        MAXIMUS Federal Services sent the complete case file to an expert reviewer.
        CLINICAL CASE SUMMARY
        The injured worker is a 48 year old male with neck pain.
        IMR ISSUES, DECISIONS AND RATIONALES
        MRI of the cervical spine: Upheld
        Claims Administrator guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
        MAXIMUS guideline: Decision based on MTUS Neck and Upper Back Complaints 2004.
        Decision rationale: There is no red flag. The request for an MRI of the cervical spine is not medically necessary.
        """;

    /// <summary>The body under a case number, the one header line the parser needs.</summary>
    public const string WithCaseNumber = "Case Number: CM16-0213037\n" + Body;
}
