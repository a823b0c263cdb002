using ImrPredict.Core.Letters;

namespace ImrPredict.Synthetic;

/// <summary>One generated disputed item with the probability its label was drawn from.</summary>
/// <param name="RequestedItem">The item decided (for a partial authorization, the remainder).</param>
/// <param name="Partial">The partial authorization, when the item has one.</param>
/// <param name="Category">The category the generator drew.</param>
/// <param name="POverturned">The true probability of Overturned given the case's stated facts.</param>
/// <param name="Decision">The label drawn from <paramref name="POverturned"/>.</param>
/// <param name="ClaimsAdministratorGuideline">The claims administrator's guideline line.</param>
/// <param name="MaximusGuideline">The reviewer's guideline line.</param>
/// <param name="Rationale">A rationale consistent with the decision.</param>
public sealed record SyntheticItem(
    string RequestedItem,
    PartialAuthorization? Partial,
    ItemCategory Category,
    double POverturned,
    Decision Decision,
    string ClaimsAdministratorGuideline,
    string MaximusGuideline,
    string Rationale);

/// <summary>One generated letter, before rendering into a form.</summary>
/// <param name="Index">The letter's position in the corpus.</param>
/// <param name="Header">Header fields (always known to the generator; a rendering may leave them out).</param>
/// <param name="Reviewer">The reviewer's credentials.</param>
/// <param name="BoardCertifiedPhrasing">Whether the credentials are written as "Board Certified in X and is licensed to practice in Y".</param>
/// <param name="ClinicalSummary">The clinical case summary.</param>
/// <param name="Items">The disputed items.</param>
public sealed record SyntheticLetter(
    long Index,
    LetterHeader Header,
    ReviewerCredentials Reviewer,
    bool BoardCertifiedPhrasing,
    string ClinicalSummary,
    IReadOnlyList<SyntheticItem> Items);
