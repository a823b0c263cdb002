namespace ImrPredict.Core.Letters;

/// <summary>
/// Which of MAXIMUS Federal Services' letter layouts a letter uses. The layouts changed over the
/// program's life; the parser reads each into the same <see cref="ImrLetter"/>.
/// </summary>
public enum LetterLayout
{
    /// <summary>
    /// The final determination of 2016 on: header table, "HOW THE IMR FINAL DETERMINATION WAS MADE",
    /// "CLINICAL CASE SUMMARY", "IMR ISSUES, DECISIONS AND RATIONALES" with "Item: Upheld" headers.
    /// </summary>
    FinalDetermination,

    /// <summary>
    /// The 2014-2015 "Independent Medical Review Final Determination Letter": header fields, "DOCUMENTS
    /// REVIEWED", "CLINICAL CASE SUMMARY", "IMR DECISION(S) AND RATIONALE(S)" with numbered items
    /// whose decision is a sentence ("1. Norco 10/325mg #120 is not medically necessary and appropriate.").
    /// </summary>
    FinalDetermination2014,

    /// <summary>
    /// The 2013 "Notice of Independent Medical Review Determination": numbered determinations ("1) MAXIMUS
    /// Federal Services, Inc. has determined the request for X is not medically necessary and appropriate."),
    /// then "INDEPENDENT MEDICAL REVIEW DECISION AND RATIONALE" with the case summary and per-item rationales.
    /// </summary>
    Notice2013,

    /// <summary>
    /// The "MEDICAL PROFESSIONAL REVIEW" form: "ISSUE AT DISPUTE:", "CASE SUMMARY:", "DOCUMENTS REVIEWED FOR
    /// DETERMINATION:", guidelines "AND WHY", a rationale per issue and "MEDICAL REVIEWER QUALIFICATIONS:".
    /// </summary>
    MedicalProfessionalReview,
}
