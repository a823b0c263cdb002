namespace ImrPredict.Search.Semantic;

/// <summary>One nearest neighbour: a precedent id and its cosine similarity to the query (1 is the same direction).</summary>
/// <param name="Id">The precedent id, <c>letterId#index</c>.</param>
/// <param name="Score">Cosine similarity.</param>
public readonly record struct VectorHit(string Id, float Score);
