using ImrPredict.Core.Letters;

namespace ImrPredict.Search;

/// <summary>Filters on a search; null fields do not filter.</summary>
/// <param name="Decision">Only items with this decision.</param>
/// <param name="Categories">Only items of these categories.</param>
/// <param name="GuidelineSources">Only items citing one of these sources.</param>
/// <param name="DecidedFrom">Decision date on or after.</param>
/// <param name="DecidedTo">Decision date on or before.</param>
/// <param name="ExcludeLetterId">Leave out this letter (the case's own, in evaluations).</param>
public sealed record SearchFilters(
    Decision? Decision = null,
    IReadOnlyList<ItemCategory>? Categories = null,
    IReadOnlyList<GuidelineSource>? GuidelineSources = null,
    DateOnly? DecidedFrom = null,
    DateOnly? DecidedTo = null,
    string? ExcludeLetterId = null)
{
    /// <summary>Criteria statuses every precedent must have (<c>opioid.functional-improvement=documented</c>, <see cref="CriteriaFacets"/>).</summary>
    public IReadOnlyList<string>? Criteria { get; init; }

    /// <summary>
    /// Whether to count every match by criterion status and decision (<see cref="PrecedentPage.Facets"/>). A pass over
    /// all matches: about half a second for a broad free-text query over 200,000 items on two cores, so only when asked.
    /// </summary>
    public bool CountFacets { get; init; }

    /// <summary>No filter.</summary>
    public static SearchFilters None { get; } = new();
}
