namespace ImrPredict.Application.Cases.Explanations;

/// <summary>The part of a case a contribution's words are looked for in.</summary>
public enum CaseField
{
    /// <summary>None: a category or a number, not words.</summary>
    None,

    /// <summary>The clinical summary.</summary>
    ClinicalSummary,

    /// <summary>The requested item.</summary>
    RequestedItem,
}
