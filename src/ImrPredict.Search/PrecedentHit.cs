using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>One precedent hit.</summary>
/// <param name="Id">The item's id, <c>letterId#index</c>.</param>
/// <param name="LetterId">The letter.</param>
/// <param name="CaseNumber">The case number, when known.</param>
/// <param name="ItemIndex">The item's position in its letter.</param>
/// <param name="RequestedItem">The requested item.</param>
/// <param name="Category">Its category.</param>
/// <param name="Decision">Its decision.</param>
/// <param name="DecisionDate">The letter's decision date, when known.</param>
/// <param name="Score">BM25 relevance.</param>
/// <param name="Passages">The best one to three rationale passages, with where the query's words occur in each.</param>
/// <param name="CollapsedDuplicates">How many near-identical rationales ranked below this one were folded into it.</param>
public sealed record PrecedentHit(
    string Id,
    string LetterId,
    string? CaseNumber,
    int ItemIndex,
    string RequestedItem,
    ItemCategory Category,
    Decision Decision,
    DateOnly? DecisionDate,
    float Score,
    IReadOnlyList<Passage> Passages,
    int CollapsedDuplicates)
{
    /// <summary>Whether the precedent comes from a generated demo letter, not a real decision.</summary>
    public bool Generated { get; init; }

    /// <summary>Whether the hit is the letter a case number or letter id in the query names (listed before the text's hits).</summary>
    public bool Exact { get; init; }
}
