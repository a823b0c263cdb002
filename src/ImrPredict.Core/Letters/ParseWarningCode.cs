namespace ImrPredict.Core.Letters;

/// <summary>
/// What looked odd in a letter that still parsed: every item has its decision and rationale, but a
/// reader may want to check. Stable names: they appear in JSON output and API answers.
/// </summary>
public enum ParseWarningCode
{
    /// <summary>The letter's last rationale ends without closing punctuation (it still states its verdict).</summary>
    NoClosingPunctuation,

    /// <summary>A heading the parser does not know was read as part of the text around it.</summary>
    UnknownSection,

    /// <summary>A page appeared twice in a row (a scanner or merge fault); the copy was dropped.</summary>
    RepeatedPage,

    /// <summary>The letter was read by optical character recognition from a scan; words may be misread.</summary>
    Ocr,

    /// <summary>An item's decision word was misspelt ("Uphe1d", "0verturned") and read as the nearest decision.</summary>
    DecisionSpellingCorrected,

    /// <summary>A case number or date had letters where digits belong (O for 0, l for 1) and was corrected.</summary>
    DigitsCorrected,

    /// <summary>The header has no case number, so the letter's id is a hash of its text.</summary>
    NoCaseNumber,
}
