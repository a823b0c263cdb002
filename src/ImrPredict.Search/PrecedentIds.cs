namespace ImrPredict.Search;

/// <summary>How a precedent (one disputed item of a letter) is named everywhere: the index, the vectors, the API.</summary>
public static class PrecedentIds
{
    /// <summary>The id of item <paramref name="itemIndex"/> of letter <paramref name="letterId"/>: <c>letterId#index</c>.</summary>
    public static string Of(string letterId, int itemIndex) => $"{letterId}#{itemIndex}";
}
