using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>One item of a precedent's letter, as the precedent view lists them.</summary>
/// <param name="Id">The item's precedent id, <c>letterId#index</c>.</param>
/// <param name="ItemIndex">Its position in the letter.</param>
/// <param name="RequestedItem">The requested item.</param>
/// <param name="Category">Its category.</param>
/// <param name="Decision">Its decision.</param>
/// <param name="GuidelineSources">The guideline sources its rationale cites.</param>
/// <param name="GuidelineTopics">The guideline topics it cites.</param>
public sealed record LetterItem(string Id, int ItemIndex, string RequestedItem, ItemCategory Category, Decision Decision,
    IReadOnlyList<GuidelineSource> GuidelineSources, IReadOnlyList<string> GuidelineTopics);
