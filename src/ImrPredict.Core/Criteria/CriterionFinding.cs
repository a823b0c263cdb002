using ImrPredict.Core.Text;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// What a case says of one criterion for one item: its status and the evidence a reader can check: the terms
/// that document it (or its absence) in the summary or the item, or, when it is not documented, the sentence that
/// discusses the topic if there is one (an uncertain mention, or the earlier review's reasons).
/// </summary>
/// <param name="Criterion">The criterion.</param>
/// <param name="Status">Documented, documented as absent, or not mentioned.</param>
/// <param name="Evidence">The mentions that decided the status (empty when not mentioned).</param>
/// <param name="Discussion">For a criterion not documented: a sentence that speaks of its topic without documenting it.</param>
/// <param name="CitedByReview">Whether the narrated earlier review spoke of it (its stated reason for the denial).</param>
public sealed record CriterionFinding(Criterion Criterion, CriterionStatus Status, IReadOnlyList<CriterionMention> Evidence, TextSpan? Discussion, bool CitedByReview)
{
    /// <summary>Whether the finding argues for the request: documented and supporting, or absent and against.</summary>
    public bool FavoursRequest => Status == CriterionStatus.Documented ? Criterion.Favours == CriterionEffect.Supports
        : Status == CriterionStatus.DocumentedAbsent && Criterion.Favours == CriterionEffect.Against;

    /// <summary>Whether the finding argues against the request: absent and supporting, or documented and against.</summary>
    public bool WeighsAgainstRequest => Status == CriterionStatus.Documented ? Criterion.Favours == CriterionEffect.Against
        : Status == CriterionStatus.DocumentedAbsent && Criterion.Favours == CriterionEffect.Supports;
}
