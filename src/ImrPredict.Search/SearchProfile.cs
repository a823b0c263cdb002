namespace ImrPredict.Search;

/// <summary>How the index analyzes and queries text.</summary>
public enum SearchProfile
{
    /// <summary>The tuned analyzer, tf-idf term selection from the case, item and category boosts, duplicate collapse.</summary>
    Tuned,

    /// <summary>A plain BM25 baseline: the standard analyzer, every term of the case, no boosts, no collapse.</summary>
    Plain,
}
