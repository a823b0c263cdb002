using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// One guideline criterion a reviewer decides on, as the catalogue (<c>criteria.json</c>) states it.
/// </summary>
/// <param name="Id">A stable id, <c>category.criterion</c> ("opioid.functional-improvement"): what features and reasons name.</param>
/// <param name="Categories">The item categories it applies to; empty for every category.</param>
/// <param name="Text">The criterion in plain words ("functional improvement on opioids documented").</param>
/// <param name="Guideline">The guideline it comes from.</param>
/// <param name="Favours">Whether documenting it supports the request or argues against it.</param>
/// <param name="Scope">Whether it is read in the summary or in the requested item.</param>
/// <param name="Terms">The phrases by which a text mentions it (whole words, case-insensitive).</param>
public sealed record Criterion(string Id, IReadOnlyList<ItemCategory> Categories, string Text, string Guideline, CriterionEffect Favours,
    CriterionScope Scope, IReadOnlyList<string> Terms)
{
    /// <summary>Whether it applies to items of <paramref name="category"/>.</summary>
    public bool AppliesTo(ItemCategory category) => Categories.Count == 0 || Categories.Contains(category);
}
