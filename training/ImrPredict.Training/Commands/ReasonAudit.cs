using ImrPredict.Application.Cases.Explanations;
using ImrPredict.Core.Criteria;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Training.Commands;

/// <summary>
/// What a reader would be shown for every item of a corpus: each item's top three reasons, as the service builds them,
/// checked for what must never show (a stop word, a bare number, a fragment, a model token) and counted for criteria.
/// </summary>
internal static class ReasonAudit
{
    /// <summary>How many reasons of an item a reader sees first.</summary>
    private const int Shown = 3;

    /// <summary>The audit's figures and up to five examples of reasons that should not show.</summary>
    public sealed record Figures(int Items, int WithCriterion, int WithReasons, int Unreadable, IReadOnlyList<string> Examples);

    public static Figures Run(ItemPredictor predictor, IReadOnlyList<ItemRow> rows)
    {
        int withCriterion = 0, withReasons = 0, unreadable = 0;
        var examples = new List<string>();
        foreach (var letter in rows.GroupBy(r => r.LetterId))
        {
            var items = letter.OrderBy(r => r.ItemIndex).ToList();
            var criteria = CriteriaDetector.Detect(items[0].ClinicalSummary, items.Select(r => r.RequestedItem).ToList());
            for (var i = 0; i < items.Count; i++)
            {
                var prediction = predictor.Predict(items[i], contributions: 8);
                var top = ReasonBuilder.Explain(items[i].ClinicalSummary, items[i].RequestedItem, prediction.Contributions, criteria[i]).Reasons.Take(Shown).ToList();
                withReasons += top.Count > 0 ? 1 : 0;
                withCriterion += top.Any(r => r.Kind == ReasonKind.Criterion) ? 1 : 0;
                foreach (var reason in top.Where(r => !Readable(r)))
                {
                    unreadable++;
                    if (examples.Count < 5)
                    {
                        examples.Add($"{letter.Key} #{items[i].ItemIndex}: {reason.Text}");
                    }
                }
            }
        }

        return new Figures(rows.Count, withCriterion, withReasons, unreadable, examples);
    }

    private static bool Readable(Reason reason) => reason.Kind switch
    {
        ReasonKind.Criterion => !reason.Text.Contains('=', StringComparison.Ordinal),
        ReasonKind.Term => ReadableTerms.IsReadable(reason.Words),
        _ => true,
    };
}
