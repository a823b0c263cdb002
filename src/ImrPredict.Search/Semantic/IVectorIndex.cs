namespace ImrPredict.Search.Semantic;

/// <summary>
/// A replica's in-memory nearest-neighbour index of precedent vectors (normalized, <see cref="SentenceEmbedder.Dimensions"/>
/// long), keyed by precedent id. Safe to search from many threads while one thread writes.
/// </summary>
public interface IVectorIndex : IDisposable
{
    /// <summary>Vectors held.</summary>
    int Count { get; }

    /// <summary>What the vectors and the graph take in memory, roughly.</summary>
    long MemoryBytes { get; }

    /// <summary>Whether the search is approximate (a graph) rather than exact.</summary>
    bool Approximate { get; }

    /// <summary>Adds or replaces the vector of <paramref name="id"/>.</summary>
    void Upsert(string id, float[] vector);

    /// <summary>Removes the vector of <paramref name="id"/>; false when there was none.</summary>
    bool Remove(string id);

    /// <summary>Whether <paramref name="id"/> has a vector.</summary>
    bool Contains(string id);

    /// <summary>The <paramref name="k"/> vectors most similar to <paramref name="query"/>, most similar first.</summary>
    IReadOnlyList<VectorHit> Nearest(float[] query, int k);
}
