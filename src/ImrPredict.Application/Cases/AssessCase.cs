using ImrPredict.Application.Cases.Explanations;
using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using ImrPredict.Search;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Cases;

/// <summary>Assesses one case: each item's probability of being overturned, why, and the most similar precedents.</summary>
public sealed class AssessCase(IServingModels models, PrecedentView precedentView, IOptions<ServiceLimits> limits, ServiceMetrics metrics)
{
    /// <summary>Everything wrong with the request, in the API's field names; empty when <see cref="Run(CaseInput, int, int, CancellationToken)"/> would take it.</summary>
    public IReadOnlyList<FieldViolation> Check(CaseInput input, int contributions, int precedents) => Check(input, contributions, precedents, datesAsWritten: false);

    /// <summary>Assesses <paramref name="input"/>; a failed precedent search is an error, never silently no precedents.</summary>
    public Result<CaseAssessment, ApplicationErrorCode> Run(CaseInput input, int contributions, int precedents, CancellationToken cancellationToken) =>
        Run(input, contributions, precedents, datesAsWritten: false, cancellationToken);

    /// <summary>As <see cref="Run(CaseInput, int, int, CancellationToken)"/>; a letter's dates are taken as written, even out of order, as in training.</summary>
    internal IReadOnlyList<FieldViolation> Check(CaseInput input, int contributions, int precedents, bool datesAsWritten)
    {
        var limit = limits.Value;
        var violations = new List<FieldViolation>();
        CaseValidator.Validate(input, limit, string.Empty, violations, datesAsWritten);
        ExplanationCounts(contributions, precedents, violations);
        return violations;
    }

    /// <summary>How many contributions and precedents an answer may explain itself with: the same rule for a case and a letter.</summary>
    internal void ExplanationCounts(int contributions, int precedents, ICollection<FieldViolation> violations)
    {
        var limit = limits.Value;
        if (contributions < 0 || contributions > limit.MaxContributions)
        {
            violations.Add(new FieldViolation("contributions", $"must be 0 to {limit.MaxContributions}"));
        }

        if (precedents < 0 || precedents > limit.MaxPrecedents)
        {
            violations.Add(new FieldViolation("precedents", $"must be 0 to {limit.MaxPrecedents}"));
        }
    }

    internal Result<CaseAssessment, ApplicationErrorCode> Run(CaseInput input, int contributions, int precedents, bool datesAsWritten, CancellationToken cancellationToken)
    {
        var violations = Check(input, contributions, precedents, datesAsWritten);
        if (violations.Count > 0)
        {
            return UseCaseErrors.Invalid(violations);
        }

        if (models.Current is not { } model)
        {
            return UseCaseErrors.NoModel(models);
        }

        if (precedents > 0 && precedentView.ForSearch() is { Success: false } unavailable)
        {
            // Precedents asked for and the index cannot answer: say so rather than answer without them.
            return unavailable.Error;
        }

        IReadOnlyList<ML.Data.ItemRow> rows;
        IReadOnlyList<Core.Criteria.ItemCriteria> criteria;
        using (ServiceActivities.Featurize(input.RequestedItems.Count))
        {
            // The criteria are features and, with an explanation, the checklist: read once for the case.
            criteria = Core.Criteria.CriteriaDetector.Detect(input.ClinicalSummary, input.RequestedItems);
            rows = CaseRows.For(input, "request", criteria);
        }

        var predictions = new ML.Prediction.ItemPrediction[rows.Count];
        using (ServiceActivities.Predict(rows.Count, model.Manifest.BundleVersion))
        {
            for (var index = 0; index < rows.Count; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                predictions[index] = model.Predictor.Predict(rows[index], contributions);
                metrics.Prediction(predictions[index].Decision, predictions[index].POverturned);
            }
        }

        var items = new List<ItemAssessment>(rows.Count);
        for (var index = 0; index < rows.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var item = input.RequestedItems[index];
            var prediction = predictions[index];
            IReadOnlyList<PrecedentHit> hits = [];
            if (precedents > 0)
            {
                var found = ServiceActivities.Search("case").Traced(() =>
                    precedentView.Search(precedentIndex => precedentIndex.SearchByCase(input.ClinicalSummary, item, SearchFilters.None, precedents), $"items[{index}]"));
                if (!found.TryGetValue(out var page))
                {
                    return found.Error;
                }

                hits = page.Hits;
            }

            var (explained, reasons) = ReasonBuilder.Explain(input.ClinicalSummary, item, prediction.Contributions, criteria[index]);
            items.Add(new ItemAssessment(item, Enum.Parse<ItemCategory>(rows[index].ItemCategory), prediction.POverturned, prediction.Decision, explained, reasons, hits,
                prediction.Support?.Items, prediction.LowSupport, contributions > 0 ? criteria[index].Findings : null));
        }

        return new CaseAssessment(model.Manifest.BundleVersion, model.Predictor.Threshold, items);
    }
}
