namespace ImrPredict.Search;

/// <summary>How the precedents matching a query decided, for one criterion status: "of 41 with function documented, 12 overturned".</summary>
/// <param name="CriterionId">The criterion's id (<c>opioid.functional-improvement</c>).</param>
/// <param name="Text">The criterion in plain words.</param>
/// <param name="Status"><c>documented</c> or <c>absent</c>.</param>
/// <param name="Upheld">Matching precedents with this status that were upheld.</param>
/// <param name="Overturned">Matching precedents with this status that were overturned.</param>
public sealed record CriterionFacet(string CriterionId, string Text, string Status, int Upheld, int Overturned)
{
    /// <summary>All matching precedents with this status.</summary>
    public int Total => Upheld + Overturned;

    /// <summary>The criterion and its status in plain words: "functional improvement on opioids documented as absent".</summary>
    public string Label => Status == CriteriaFacets.Documented ? Text
        : Text.EndsWith(" documented", StringComparison.Ordinal) ? Text + " as absent"
        : $"{Text}: absent";
}
