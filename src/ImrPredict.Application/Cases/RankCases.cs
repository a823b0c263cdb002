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
    /// <summary>Ranks <paramref name="cases"/>; a case without an id is named by its position.</summary>
    public Result<CaseRanking, ApplicationErrorCode> Run(IReadOnlyList<CaseInput> cases, CancellationToken cancellationToken)
    {
        var limit = limits.Value;
        if (cases.Count == 0 || cases.Count > limit.MaxCasesPerRanking)
        {
            return UseCaseErrors.Invalid(new FieldViolation("cases", cases.Count == 0 ? "give at least one case" : $"at most {limit.MaxCasesPerRanking} cases per ranking"));
        }

        var violations = new List<FieldViolation>();
        for (var c = 0; c < cases.Count && violations.Count == 0; c++)
        {
            CaseValidator.Validate(cases[c], limit, $"cases[{c}].", violations);
        }

        if (violations.Count > 0)
        {
            return UseCaseErrors.Invalid(violations[0]);
        }

        if (models.Current is not { } model)
        {
            return UseCaseErrors.NoModel(models);
        }

        var keys = new List<(string CaseId, int Index, string Item)>();
        var rows = new List<ML.Data.ItemRow>();
        using (ServiceActivities.Featurize(cases.Sum(c => c.RequestedItems.Count)))
        {
            for (var c = 0; c < cases.Count; c++)
            {
                var @case = cases[c];
                var caseId = string.IsNullOrEmpty(@case.CaseId) ? c.ToString(CultureInfo.InvariantCulture) : @case.CaseId;
                rows.AddRange(CaseRows.For(@case, caseId));
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
                Enum.Parse<ItemCategory>(rows[i].ItemCategory), model.Predictor.IsLowSupport(rows[i].ItemCategory)))
            .OrderByDescending(r => r.POverturned).ThenBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.ItemIndex)
            .ToList();
        return new CaseRanking(model.Manifest.BundleVersion, ranked);
    }
}
