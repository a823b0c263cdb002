using ImrPredict.Search;

namespace ImrPredict.Application.Precedents;

/// <summary>A precedent search: by a reviewer's text, or by a case (summary and requested item), with filters and paging.</summary>
/// <param name="Text">Free text; when given, the search is by text.</param>
/// <param name="ClinicalSummary">The case's summary, for a search by case.</param>
/// <param name="RequestedItem">The case's requested item, for a search by case.</param>
/// <param name="Filters">Decision, categories, guideline sources, decision dates.</param>
/// <param name="PageSize">Hits per page; 0 for the default, 10.</param>
/// <param name="Page">The page, from 0.</param>
/// <param name="Mode">lexical, semantic or hybrid; empty for the service's default.</param>
public sealed record PrecedentQuery(string? Text, string? ClinicalSummary, string? RequestedItem, SearchFilters Filters, int PageSize = 0, int Page = 0, string? Mode = null)
{
    /// <summary>Whether this searches by text rather than by case.</summary>
    public bool ByText => !string.IsNullOrWhiteSpace(Text);

    /// <summary>The hits a page holds when the query does not say.</summary>
    public const int DefaultPageSize = 10;

    /// <summary>The hits a page holds: <see cref="PageSize"/>, or <see cref="DefaultPageSize"/> when it is 0.</summary>
    public int Hits => PageSize == 0 ? DefaultPageSize : PageSize;
}
