namespace ImrPredict.Search.Semantic;

/// <summary>How a precedent search finds its candidates.</summary>
public enum SearchMode
{
    /// <summary>BM25 over the words (Lucene): a query must share words with a precedent.</summary>
    Lexical,

    /// <summary>Nearest sentence embeddings: "low back MRI" meets "MRI of the lumbar spine" without a shared word.</summary>
    Semantic,

    /// <summary>Both, fused by reciprocal rank (<see cref="RankFusion"/>).</summary>
    Hybrid,
}
