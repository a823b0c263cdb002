namespace ImrPredict.Search.Evaluation;

/// <summary>
/// A query written in a reviewer's own words about one real precedent, avoiding the precedent's words where a reviewer would:
/// "low back MRI" for "MRI of the lumbar spine". Found when the precedent (or one the set names as its twin) is in the top 5.
/// </summary>
/// <param name="Query">The reviewer's query.</param>
/// <param name="Case">The precedent's case number.</param>
/// <param name="Item">Words of the precedent's requested item (case-insensitive), telling it from the letter's other items.</param>
/// <param name="Also">Other precedents that answer the query as well ("case|item" each): the same rationale in another letter.</param>
public sealed record Paraphrase(string Query, string Case, string Item, IReadOnlyList<string>? Also = null)
{
    /// <summary>Whether <paramref name="hit"/> is the precedent this query must find, or one named as its twin.</summary>
    public bool IsFoundBy(PrecedentHit hit) =>
        Matches(hit, Case, Item) || (Also ?? []).Select(a => a.Split('|', 2)).Any(a => a.Length == 2 && Matches(hit, a[0], a[1]));

    private static bool Matches(PrecedentHit hit, string caseNumber, string item) =>
        string.Equals(hit.CaseNumber, caseNumber, StringComparison.OrdinalIgnoreCase)
        && hit.RequestedItem.Contains(item, StringComparison.OrdinalIgnoreCase);
}
