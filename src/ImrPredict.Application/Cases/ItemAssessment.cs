using ImrPredict.Application.Cases.Explanations;
using ImrPredict.Core.Letters;
using ImrPredict.Search;

namespace ImrPredict.Application.Cases;

/// <summary>One requested item's assessment.</summary>
/// <param name="RequestedItem">The item as given.</param>
/// <param name="Category">Its category, as the parser derives it.</param>
/// <param name="POverturned">Calibrated probability that the denial is overturned.</param>
/// <param name="Decision">The predicted decision at the bundle's threshold.</param>
/// <param name="Contributions">The strongest feature contributions, when asked for, with where their words are in the case.</param>
/// <param name="Reasons">The same contributions as reasons for a reader, n-grams of the same words merged.</param>
/// <param name="Precedents">The most similar prior decisions, when asked for.</param>
/// <param name="CategorySupport">Training items of the item's category behind the prediction; null when the bundle does not record them.</param>
/// <param name="LowSupport">True when the category had too few training items for the probability to be trusted as much as others.</param>
/// <param name="Criteria">The guideline criteria of the item's category and what the summary says of each (the reviewer's checklist).</param>
public sealed record ItemAssessment(
    string RequestedItem,
    ItemCategory Category,
    double POverturned,
    Decision Decision,
    IReadOnlyList<ExplainedContribution> Contributions,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<PrecedentHit> Precedents,
    int? CategorySupport = null,
    bool LowSupport = false,
    IReadOnlyList<Core.Criteria.CriterionFinding>? Criteria = null);
