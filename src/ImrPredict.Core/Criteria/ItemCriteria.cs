using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Criteria;

/// <summary>What a case documents of the criteria that apply to one of its disputed items.</summary>
/// <param name="RequestedItem">The item as written.</param>
/// <param name="Category">Its category (which criteria apply).</param>
/// <param name="Findings">One finding per applicable criterion, in the catalogue's order.</param>
/// <param name="Numbers">The numbers the summary states.</param>
public sealed record ItemCriteria(string RequestedItem, ItemCategory Category, IReadOnlyList<CriterionFinding> Findings, StatedNumbers Numbers)
{
    /// <summary>The finding for <paramref name="criterionId"/>, or null when that criterion does not apply to the item.</summary>
    public CriterionFinding? Finding(string criterionId) => Findings.FirstOrDefault(f => f.Criterion.Id == criterionId);
}
