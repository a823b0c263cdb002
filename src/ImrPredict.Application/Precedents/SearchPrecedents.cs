using ImrPredict.Application.Storage;
using ImrPredict.Core.Results;
using ImrPredict.Search;

namespace ImrPredict.Application.Precedents;

/// <summary>Finds prior decisions by a reviewer's text or by a new case, and reads one in full, from this replica's index of the store.</summary>
public sealed class SearchPrecedents(PrecedentView view)
{
    /// <summary>One page of precedents for <paramref name="query"/>.</summary>
    public Result<PrecedentPage, ApplicationErrorCode> Run(PrecedentQuery query)
    {
        if (!query.ByText && string.IsNullOrWhiteSpace(query.ClinicalSummary) && string.IsNullOrWhiteSpace(query.RequestedItem))
        {
            return UseCaseErrors.Invalid(new FieldViolation("query", "give a query, or a clinical summary and requested item to search by case"));
        }

        return Search(index => query.ByText
            ? index.SearchByText(query.Text!, query.Filters, query.PageSize, query.Page)
            : index.SearchByCase(query.ClinicalSummary ?? string.Empty, query.RequestedItem ?? string.Empty, query.Filters, query.PageSize, query.Page));
    }

    /// <summary>The whole precedent with id <c>letterId#index</c>; with <paramref name="query"/>, where its words occur.</summary>
    public Result<Precedent, ApplicationErrorCode> Get(string id, string? query = null) =>
        string.IsNullOrWhiteSpace(id)
            ? UseCaseErrors.Invalid(new FieldViolation("id", "the precedent id is empty"))
            : Search(index => index.Get(id, query));

    private Result<T, ApplicationErrorCode> Search<T>(Func<PrecedentIndex, Result<T, SearchErrorCode>> search)
    {
        var opened = view.ForSearch();
        if (!opened.TryGetValue(out var index))
        {
            return opened.FailAs<T>();
        }

        try
        {
            var found = search(index);
            return found.TryGetValue(out var value) ? value : UseCaseErrors.FromSearch(found.Error);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException or Lucene.Net.Index.CorruptIndexException)
        {
            // A damaged or replaced index: rebuilt from the store; this search is told so.
            view.Broken(e);
            return Result<T, ApplicationErrorCode>.Fail(ApplicationErrorCode.IndexUnavailable, $"the precedent index failed and is being rebuilt from the store: {e.Message}");
        }
    }
}
