namespace ImrPredict.Application.Cases;

/// <summary>A case's assessment: each item's probability and decision, from one model version.</summary>
/// <param name="ModelVersion">The bundle that answered.</param>
/// <param name="Threshold">Its decision threshold.</param>
/// <param name="Items">The items, in the order given.</param>
public sealed record CaseAssessment(string ModelVersion, double Threshold, IReadOnlyList<ItemAssessment> Items);
