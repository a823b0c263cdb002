using ImrPredict.Application.Models;
using ImrPredict.Core.Results;
using ImrPredict.Search;

namespace ImrPredict.Application.Precedents;

/// <summary>Finds prior decisions by a reviewer's text or by a new case, and reads one in full.</summary>
public sealed class SearchPrecedents(IServingModels models)
{
    /// <summary>One page of precedents for <paramref name="query"/>.</summary>
    public Result<PrecedentPage, ApplicationErrorCode> Run(PrecedentQuery query)
    {
        if (!query.ByText && string.IsNullOrWhiteSpace(query.ClinicalSummary) && string.IsNullOrWhiteSpace(query.RequestedItem))
        {
            return UseCaseErrors.Invalid(new FieldViolation("query", "give a query, or a clinical summary and requested item to search by case"));
        }

        if (Index() is not { } index)
        {
            return models.Current is null ? UseCaseErrors.NoModel(models) : UseCaseErrors.NoPrecedentIndex();
        }

        var found = query.ByText
            ? index.SearchByText(query.Text!, query.Filters, query.PageSize, query.Page)
            : index.SearchByCase(query.ClinicalSummary ?? string.Empty, query.RequestedItem ?? string.Empty, query.Filters, query.PageSize, query.Page);
        return found.TryGetValue(out var page) ? page : UseCaseErrors.FromSearch(found.Error);
    }

    /// <summary>The whole precedent with id <c>letterId#index</c>.</summary>
    public Result<Precedent, ApplicationErrorCode> Get(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return UseCaseErrors.Invalid(new FieldViolation("id", "the precedent id is empty"));
        }

        if (Index() is not { } index)
        {
            return models.Current is null ? UseCaseErrors.NoModel(models) : UseCaseErrors.NoPrecedentIndex();
        }

        var found = index.Get(id);
        return found.TryGetValue(out var precedent) ? precedent : UseCaseErrors.FromSearch(found.Error);
    }

    private PrecedentIndex? Index() => models.Current?.Precedents;
}
