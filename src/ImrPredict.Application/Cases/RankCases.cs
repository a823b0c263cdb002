using System.Globalization;
using ImrPredict.Application.Models;
using ImrPredict.Application.Telemetry;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using Microsoft.Extensions.Options;

namespace ImrPredict.Application.Cases;

/// <summary>Ranks the items of many cases for triage, scoring them in one batch with the same rows as <see cref="AssessCase"/>.</summary>
public sealed class RankCases(IServingModels models, IOptions<ServiceLimits> limits, ServiceMetrics metrics)
{
    /// <summary>
    /// Everything wrong with a ranking request, in the API's field names (<c>cases[2].items[0].requested_item</c>): too few
    /// or too many cases, then each case's own faults (cases past the limit are not read).
    /// </summary>
    public IReadOnlyList<FieldViolation> Check(IReadOnlyList<CaseInput> cases)
    {
        var limit = limits.Value;
        var violations = new List<FieldViolation>();
        if (cases.Count == 0 || cases.Count > limit.MaxCasesPerRanking)
        {
            violations.Add(new FieldViolation("cases", cases.Count == 0 ? "give at least one case" : $"at most {limit.MaxCasesPerRanking} cases per ranking"));
        }

        for (var c = 0; c < Math.Min(cases.Count, limit.MaxCasesPerRanking); c++)
        {
            CaseValidator.Validate(cases[c], limit, $"cases[{c}].", violations);
        }

        return violations;
    }

    /// <summary>
    /// Ranks <paramref name="cases"/>; a case without an id is named by its position. With <paramref name="topReasons"/>,
    /// each item also gets its strongest reason (a criterion when one leads), for a triage sheet to say why it ranks where it does;
    /// that costs an explanation per item (about a millisecond) on top of the batch scoring.
    /// </summary>
    public Result<CaseRanking, ApplicationErrorCode> Run(IReadOnlyList<CaseInput> cases, CancellationToken cancellationToken, bool topReasons = false)
    {
        var violations = Check(cases);
        if (violations.Count > 0)
        {
            return UseCaseErrors.Invalid(violations);
        }

        if (models.Current is not { } model)
        {
            return UseCaseErrors.NoModel(models);
        }

        var keys = new List<(string CaseId, int Index, string Item)>();
        var rows = new List<ML.Data.ItemRow>();
        var criteria = new List<Core.Criteria.ItemCriteria>();
        var summaries = new List<string>();
        using (ServiceActivities.Featurize(cases.Sum(c => c.RequestedItems.Count)))
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var @case = cases[c];
                var caseId = string.IsNullOrEmpty(@case.CaseId) ? c.ToString(CultureInfo.InvariantCulture) : @case.CaseId;
                var found = Core.Criteria.CriteriaDetector.Detect(@case.ClinicalSummary, @case.RequestedItems);
                rows.AddRange(CaseRows.For(@case, caseId, found));
                criteria.AddRange(found);
                summaries.AddRange(found.Select(_ => @case.ClinicalSummary));
                keys.AddRange(@case.RequestedItems.Select((item, i) => (caseId, i, item)));
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        double[] probabilities;
        using (ServiceActivities.Predict(rows.Count, model.Manifest.BundleVersion))
        {
            probabilities = model.Predictor.PredictBatch(rows);
        }

        foreach (var probability in probabilities)
        {
            metrics.Prediction(model.Predictor.DecisionFor(probability), probability);
        }

        // The rows carry each item's category, derived once when the case became rows.
        var ranked = keys.Select((k, i) => new RankedItem(k.CaseId, k.Index, k.Item, probabilities[i], model.Predictor.DecisionFor(probabilities[i]),
                Enum.Parse<ItemCategory>(rows[i].ItemCategory), model.Predictor.IsLowSupport(rows[i].ItemCategory))
                {
                    TopReason = topReasons ? TopReason(model.Predictor, rows[i], summaries[i], k.Item, criteria[i], cancellationToken) : null,
                })
            .OrderByDescending(r => r.POverturned).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.ItemIndex)
            .ToList();
        return new CaseRanking(model.Manifest.BundleVersion, ranked);
    }

    /// <summary>The strongest reason for one item's probability, as the assessment would show it first.</summary>
    private static Explanations.Reason? TopReason(ML.Prediction.ItemPredictor predictor, ML.Data.ItemRow row, string summary, string item,
        Core.Criteria.ItemCriteria criteria, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prediction = predictor.Predict(row, contributions: 8);
        return Explanations.ReasonBuilder.Explain(summary, item, prediction.Contributions, criteria).Reasons.FirstOrDefault();
    }
}
