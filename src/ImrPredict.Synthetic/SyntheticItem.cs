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
