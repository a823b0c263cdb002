namespace ImrPredict.ML.Data;

/// <summary>
/// One disputed item as the model sees it: the case's clinical summary, the requested item and the
/// parser's derived fields. It has no field for the rationale or the guideline lines, which state the
/// verdict; <see cref="ItemRows"/> is the only place rows are made from letters.
/// </summary>
public sealed class ItemRow
{
    // One property a column, as ML.NET reads them: their shapes repeat by design.

    /// <summary>The letter the item belongs to; folds group by it so no letter is on both sides.</summary>
    public string LetterId { get; set; } = string.Empty;

    /// <summary>The item's position in its letter.</summary>
    public float ItemIndex { get; set; }

    /// <summary>True for Overturned; ignored at prediction time.</summary>
    public bool Label { get; set; }

    /// <summary>The clinical case summary.</summary>
    public string ClinicalSummary { get; set; } = string.Empty;

    /// <summary>
    /// The summary's words, each keyed by the item's category ("opioidxpain"), so a model can learn what a
    /// fact means for this kind of request: a drug-screen sentence matters to an opioid, not to an MRI.
    /// </summary>
    public string CategorySummary { get; set; } = string.Empty;

    /// <summary>The requested item as written.</summary>
    public string RequestedItem { get; set; } = string.Empty;

    /// <summary>The parser's item category name.</summary>
    public string ItemCategory { get; set; } = string.Empty;

    /// <summary>The dispensed count (#90); NaN when not written.</summary>
    public float Quantity { get; set; } = float.NaN;

    /// <summary>The first number of the strength (10 for 10/325mg); NaN when not written.</summary>
    public float Strength { get; set; } = float.NaN;

    /// <summary>Therapy sessions or visits; NaN when unknown.</summary>
    public float Sessions { get; set; } = float.NaN;

    /// <summary>1 when the item is the remainder of a partial authorization.</summary>
    public float PartialAuthorization { get; set; }

    /// <summary>Days from injury to the UR denial; NaN when unknown.</summary>
    public float DaysFromInjuryToUrDenial { get; set; } = float.NaN;

    /// <summary>How many items the letter disputes.</summary>
    public float ItemsInLetter { get; set; }

    /// <summary>
    /// The guideline criteria the summary documents, documents as absent or does not mention for this item
    /// (<see cref="CriteriaTokens"/>); read from the summary and the request, never from a rationale.
    /// </summary>
    public string Criteria { get; set; } = string.Empty;

    /// <summary>The pain score stated with medication (0-10); NaN when not stated.</summary>
    public float PainWithMedication { get; set; } = float.NaN;

    /// <summary>The pain score stated without medication (0-10); NaN when not stated.</summary>
    public float PainWithoutMedication { get; set; } = float.NaN;

    /// <summary>Therapy sessions or visits already completed; NaN when not stated.</summary>
    public float SessionsCompleted { get; set; } = float.NaN;

    /// <summary>The percentage of relief from a prior treatment; NaN when not stated.</summary>
    public float ReliefPercent { get; set; } = float.NaN;
}
