namespace ImrPredict.Core.Letters;

/// <summary>One disputed item of a letter and the reviewer's decision on it.</summary>
/// <param name="Index">Position of the item in the letter, from 0.</param>
/// <param name="RequestedItem">The item that was decided, as written (for a partial authorization, the disputed remainder).</param>
/// <param name="Decision">Upheld or Overturned.</param>
/// <param name="Partial">The partial authorization, when the letter describes one.</param>
/// <param name="ClaimsAdministratorGuideline">The claims administrator's guideline line, when present.</param>
/// <param name="MaximusGuideline">The expert reviewer's guideline line, when present.</param>
/// <param name="GuidelineCitations">Citations parsed from both guideline lines, claims administrator's first.</param>
/// <param name="Rationale">The decision rationale, whole, across page breaks.</param>
/// <param name="Attributes">Facts derived from the requested item.</param>
public sealed record DisputedItem(
    int Index,
    string RequestedItem,
    Decision Decision,
    PartialAuthorization? Partial,
    string? ClaimsAdministratorGuideline,
    string? MaximusGuideline,
    IReadOnlyList<GuidelineCitation> GuidelineCitations,
    string Rationale,
    ItemAttributes Attributes);
