namespace ImrPredict.Search;

/// <summary>A page of hits.</summary>
/// <param name="Hits">The hits on this page.</param>
/// <param name="TotalMatches">All matching items before collapsing.</param>
/// <param name="Page">The page number, from 0.</param>
public sealed record PrecedentPage(IReadOnlyList<PrecedentHit> Hits, int TotalMatches, int Page)
{
    /// <summary>What the reader should know about the query: a case number it names that no letter has, say.</summary>
    public string? Notice { get; init; }

    /// <summary>How the matching precedents decided, per criterion status (decision × status), most precedents first.</summary>
    public IReadOnlyList<CriterionFacet> Facets { get; init; } = [];

    /// <summary>How the hits were found: by their words, their meaning, or both fused.</summary>
    public Semantic.SearchMode Mode { get; init; } = Semantic.SearchMode.Lexical;
}
