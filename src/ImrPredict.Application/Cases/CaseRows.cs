using ImrPredict.Core.Criteria;
using ImrPredict.Core.Parsing;
using ImrPredict.ML.Data;

namespace ImrPredict.Application.Cases;

/// <summary>
/// The one place a case becomes model rows: every use case that scores items (assess, rank, the bundle smoke test)
/// goes through here, so the same case always gets the same features, dates included.
/// </summary>
public static class CaseRows
{
    /// <summary>One row per requested item of <paramref name="input"/>, in order.</summary>
    public static IReadOnlyList<ItemRow> For(CaseInput input, string id) =>
        For(input, id, CriteriaDetector.Detect(input.ClinicalSummary, input.RequestedItems));

    /// <summary>One row per requested item, with the criteria already read from the case (<see cref="CriteriaDetector"/>).</summary>
    public static IReadOnlyList<ItemRow> For(CaseInput input, string id, IReadOnlyList<ItemCriteria> criteria)
    {
        var days = input.DaysFromInjuryToUrDenial;
        var rows = new ItemRow[input.RequestedItems.Count];
        for (var index = 0; index < rows.Length; index++)
        {
            var item = input.RequestedItems[index];
            rows[index] = ItemRows.From(id, index, input.ClinicalSummary, item, ItemAttributeExtractor.Extract(item), false, days, rows.Length, criteria[index]);
        }

        return rows;
    }
}
