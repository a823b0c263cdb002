namespace ImrPredict.Search.Semantic;

/// <summary>
/// What a search needs from the vectors: the mode, and the query's nearest neighbours by count (the index asks for as many
/// as it needs, more when a filter will leave only some). The query is embedded by the caller, once.
/// </summary>
/// <param name="Mode">Semantic alone, or hybrid with the words.</param>
/// <param name="Nearest">The <c>k</c> precedents whose vectors are nearest the query's, best first.</param>
public sealed record SemanticCandidates(SearchMode Mode, Func<int, IReadOnlyList<VectorHit>> Nearest);
