using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Results;
using ImrPredict.Search;
using ImrPredict.Search.Semantic;

namespace ImrPredict.Application.Precedents;

/// <summary>Finds prior decisions by a reviewer's text or by a new case, and reads one in full, from this replica's index of the store.</summary>
public sealed class SearchPrecedents(PrecedentView view, PrecedentVectors vectors)
{
    /// <summary>One page of precedents for <paramref name="query"/>.</summary>
    public Result<PrecedentPage, ApplicationErrorCode> Run(PrecedentQuery query)
    {
        if (!query.ByText && string.IsNullOrWhiteSpace(query.ClinicalSummary) && string.IsNullOrWhiteSpace(query.RequestedItem))
        {
            return UseCaseErrors.Invalid(new FieldViolation("query", "give a query, or a clinical summary and requested item to search by case"));
        }

        var mode = string.IsNullOrWhiteSpace(query.Mode) ? vectors.DefaultMode : SearchModes.Parse(query.Mode);
        if (mode is null)
        {
            return UseCaseErrors.Invalid(new FieldViolation("mode", $"'{query.Mode}' is not a search mode: give lexical, semantic or hybrid"));
        }

        var (semantic, notReady) = vectors.Candidates(mode.Value, query.ByText
            ? EmbeddingText.ForQuery(query.Text!)
            : EmbeddingText.ForCase(query.ClinicalSummary ?? string.Empty, query.RequestedItem ?? string.Empty));
        var found = Search(query.ByText ? "text" : "case", index => query.ByText
            ? index.SearchByText(query.Text!, query.Filters, query.Hits, query.Page, semantic)
            : index.SearchByCase(query.ClinicalSummary ?? string.Empty, query.RequestedItem ?? string.Empty, query.Filters, query.Hits, query.Page, semantic));
        return notReady is null || !found.TryGetValue(out var page)
            ? found
            : page with { Notice = page.Notice is null ? notReady : $"{page.Notice}; {notReady}" };
    }

    /// <summary>The whole precedent with id <c>letterId#index</c>; with <paramref name="query"/>, where its words occur.</summary>
    public Result<Precedent, ApplicationErrorCode> Get(string id, string? query = null) =>
        string.IsNullOrWhiteSpace(id)
            ? UseCaseErrors.Invalid(new FieldViolation("id", "the precedent id is empty"))
            : Search("get", index => index.Get(id, query));

    private Result<T, ApplicationErrorCode> Search<T>(string kind, Func<PrecedentIndex, Result<T, SearchErrorCode>> search) =>
        ServiceActivities.Search(kind).Traced(() => view.Search(search));
}
