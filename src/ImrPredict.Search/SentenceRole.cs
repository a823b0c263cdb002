namespace ImrPredict.Search;

/// <summary>What a rationale sentence does, for choosing the passages that carry a decision's reason.</summary>
public enum SentenceRole
{
    /// <summary>States what the records show or lack: criteria met or missing, findings, counts, prior results.</summary>
    Reason,

    /// <summary>Anything else that is the reviewer's own text.</summary>
    Other,

    /// <summary>The verdict formula: "Therefore, the request for ... is not medically necessary."</summary>
    Verdict,

    /// <summary>What a guideline says or where it is cited: "CA MTUS/ACOEM Guidelines state that ...".</summary>
    Guideline,

    /// <summary>The letter's standard paragraphs: the original request, what the claims administrator authorized.</summary>
    Standard,
}
