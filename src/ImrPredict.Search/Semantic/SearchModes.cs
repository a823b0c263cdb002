namespace ImrPredict.Search.Semantic;

/// <summary>The search modes by the names the API takes (<c>lexical</c>, <c>semantic</c>, <c>hybrid</c>).</summary>
public static class SearchModes
{
    /// <summary>The API name of <paramref name="mode"/>.</summary>
    public static string Name(SearchMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>The mode named <paramref name="name"/> (any case); null for a name that is none.</summary>
    public static SearchMode? Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "lexical" => SearchMode.Lexical,
        "semantic" => SearchMode.Semantic,
        "hybrid" => SearchMode.Hybrid,
        _ => null,
    };
}
