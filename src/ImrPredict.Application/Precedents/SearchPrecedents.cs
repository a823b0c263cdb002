using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
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

        return Search(query.ByText ? "text" : "case", index => query.ByText
            ? index.SearchByText(query.Text!, query.Filters, query.PageSize, query.Page)
            : index.SearchByCase(query.ClinicalSummary ?? string.Empty, query.RequestedItem ?? string.Empty, query.Filters, query.PageSize, query.Page));
    }

    /// <summary>The whole precedent with id <c>letterId#index</c>; with <paramref name="query"/>, where its words occur.</summary>
    public Result<Precedent, ApplicationErrorCode> Get(string id, string? query = null) =>
        string.IsNullOrWhiteSpace(id)
            ? UseCaseErrors.Invalid(new FieldViolation("id", "the precedent id is empty"))
            : Search("get", index => index.Get(id, query));

    private Result<T, ApplicationErrorCode> Search<T>(string kind, Func<PrecedentIndex, Result<T, SearchErrorCode>> search) =>
        ServiceActivities.Search(kind).Traced(() => view.Search(search));
}
