namespace ImrPredict.Application.Cases;

/// <summary>Every item of many cases, most likely overturned first.</summary>
/// <param name="ModelVersion">The bundle that answered.</param>
/// <param name="Items">The items by descending probability, then case id and item position.</param>
public sealed record CaseRanking(string ModelVersion, IReadOnlyList<RankedItem> Items);
