namespace ImrPredict.Search;

/// <summary>
/// Every number that shapes precedent search, recorded in one place (as <c>PipelineOptions</c> is for the model):
/// change one here and the search evaluation (<c>imr search-eval</c>) measures the effect.
/// </summary>
public sealed record SearchTuning
{
    /// <summary>The settings the service runs with.</summary>
    public static SearchTuning Default { get; } = new();

    /// <summary>The longest query text (case summary plus requested item, or free text) accepted.</summary>
    public int MaxQueryChars { get; init; } = 20_000;

    /// <summary>The most hits on one page.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>The last page number that may be asked for (pages count from 0).</summary>
    public int MaxPage { get; init; } = 1000;

    /// <summary>Distinctive summary terms a by-case query keeps (more-like-this style).</summary>
    public int MaxCaseTerms { get; init; } = 10;

    /// <summary>Summary terms in more than this share of items (and more than <see cref="CommonTermFloor"/>) are too common to select: each selected term is a posting list to score.</summary>
    public double MaxTermDocShare { get; init; } = 0.003;

    /// <summary>A term in at most this many items is never too common, however small the index.</summary>
    public int CommonTermFloor { get; init; } = 200;

    /// <summary>How much more a requested-item term counts than the case's most distinctive summary term.</summary>
    public float ItemBoost { get; init; } = 2f;

    /// <summary>The boost of an item in the request's own category.</summary>
    public float CategoryBoost { get; init; } = 3f;

    /// <summary>Free-text field boosts: rationale.</summary>
    public float TextRationaleBoost { get; init; } = 1f;

    /// <summary>Free-text field boosts: clinical summary.</summary>
    public float TextSummaryBoost { get; init; } = 0.6f;

    /// <summary>Free-text field boosts: requested item.</summary>
    public float TextItemBoost { get; init; } = 1.5f;

    /// <summary>Free-text field boosts: guideline topics.</summary>
    public float TextTopicBoost { get; init; } = 0.8f;

    /// <summary>The tie-breaker of a free-text term's best field over its other fields.</summary>
    public float TextTieBreaker { get; init; } = 0.1f;

    /// <summary>Rationales at least this similar (MinHash Jaccard estimate) are folded into the higher-ranked one.</summary>
    public double CollapseSimilarity { get; init; } = 0.6;

    /// <summary>Candidates fetched per hit wanted, so pages stay full after duplicates are folded.</summary>
    public int CandidatesPerHit { get; init; } = 3;

    /// <summary>Added to the cosine of a neighbour in the request's own category, in a search by case.</summary>
    public float SemanticCategoryBonus { get; init; } = 0.2f;

    /// <summary>How many more nearest neighbours a filtered semantic search fetches, as the filter leaves only some of them.</summary>
    public int FilteredNeighbourFactor { get; init; } = 8;

    /// <summary>The most candidates fetched for one page, whatever the page.</summary>
    public int MaxCandidates { get; init; } = 2000;

    /// <summary>Rationale passages shown per hit.</summary>
    public int PassagesPerHit { get; init; } = 3;

    /// <summary>The most items of one letter a precedent view lists.</summary>
    public int MaxLetterItems { get; init; } = 200;
}
