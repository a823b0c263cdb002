using ImrPredict.Core.Results;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Evaluation;
using ImrPredict.ML.Training.Calibration;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>Trains a bundle's model: grouped validation folds choose the threshold, then one fit on all rows.</summary>
public static class ModelTrainer
{
    /// <summary>Whether rows can train a binary model: null when they can, else what is wrong.</summary>
    public static Error<TrainingErrorCode>? Check<TRow>(IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec, int validationFolds)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return new Error<TrainingErrorCode>(TrainingErrorCode.NoItems, "no training items: the data (folders, store or its decision-date window) holds no readable letters");
        }

        var overturned = rows.Count(spec.LabelOf);
        if (overturned == 0)
        {
            return new Error<TrainingErrorCode>(TrainingErrorCode.OneLabel, $"all {rows.Count:N0} items are Upheld: a classifier needs Overturned items too");
        }

        if (overturned == rows.Count)
        {
            return new Error<TrainingErrorCode>(TrainingErrorCode.OneLabel, $"all {rows.Count:N0} items are Overturned: a classifier needs Upheld items too");
        }

        var groups = rows.Select(spec.GroupOf).Distinct().Count();
        if (groups < validationFolds)
        {
            return new Error<TrainingErrorCode>(TrainingErrorCode.TooFewGroups, $"{groups} letter(s) cannot fill {validationFolds} validation folds");
        }

        return null;
    }

    /// <summary>Trains on all rows after choosing the threshold on <paramref name="validationFolds"/> grouped folds; refuses rows <see cref="Check"/> refuses.</summary>
    public static Result<TrainedModel, TrainingErrorCode> Train<TRow>(MLContext ml, IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec, PipelineOptions options,
        int validationFolds, bool includeLogistic, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        if (Check(rows, spec, validationFolds) is { } refused)
        {
            return refused;
        }

        var oof = CrossValidator.Run(ml, rows, spec, options, validationFolds, includeLogistic, progress, cancellationToken);
        return FitValidated(ml, rows, spec, options, oof, validationFolds,
            $"{validationFolds}-fold out-of-fold scores of the {rows.Count:N0} training items, folds grouped by letter", progress, cancellationToken);
    }

    /// <summary>
    /// Fits on all rows given scores that are already out of sample for every row (<paramref name="oof"/>, in row order,
    /// <paramref name="folds"/> groups of rows each scored by a model that did not train on it): the calibration, the
    /// threshold and the validation metrics come from those scores, <paramref name="scoresAre"/> says what they are.
    /// What a retrain's refit uses, so the challenger's folds and held-out scores are not trained a second time.
    /// </summary>
    public static TrainedModel FitValidated<TRow>(MLContext ml, IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec, PipelineOptions options, OutOfFold oof,
        int folds, string scoresAre, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        var calibration = CalibrationFitter.Fit(oof.Model, oof.Labels, scoresAre);
        var calibrated = CalibrationFitter.CrossFitted(oof.Model, oof.Labels, oof.Folds, folds);
        var best = BinaryMetrics.BestF1Threshold(oof.Model.Select(calibration.Apply).ToArray(), oof.Labels);
        var threshold = new ThresholdChoice(best.Threshold, best.Precision, best.Recall, best.F1,
            $"best F1 for Overturned on calibrated probabilities of {scoresAre}");

        var raw = EvaluationReport.Metrics(oof.Model, oof, oof.Thresholds);
        cancellationToken.ThrowIfCancellationRequested();
        progress?.Report($"final fit on all {rows.Count:N0} items");
        var data = ml.Data.LoadFromEnumerable(rows);
        var model = spec.Build(ml, options).Fit(data);
        return new TrainedModel(
            model,
            data.Schema,
            threshold,
            oof,
            EvaluationReport.Calibrated(raw, calibrated, oof.Labels, oof.Groups, CrossValidator.CrossFittedThresholds(calibrated, oof.Labels, oof.Folds, folds)),
            raw,
            oof.Logistic is null ? null : EvaluationReport.Metrics(oof.Logistic, oof, CrossValidator.CrossFittedThresholds(oof.Logistic, oof.Labels, oof.Folds, folds)),
            EvaluationReport.Metrics(oof.Constant, oof, oof.Constant.Select(_ => 1.01).ToArray()),
            calibration,
            calibrated,
            SupportOf(rows, spec),
            rows.Count,
            oof.Labels.Count(l => l),
            DataFingerprint.Of(rows, spec));
    }

    /// <summary>Training items and overturned items per category, most items first.</summary>
    public static IReadOnlyList<CategorySupport> SupportOf<TRow>(IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec)
        where TRow : class =>
        rows.GroupBy(spec.CategoryOf, StringComparer.OrdinalIgnoreCase)
            .Select(g => new CategorySupport(g.Key, g.Count(), g.Count(spec.LabelOf)))
            .OrderByDescending(s => s.Items).ThenBy(s => s.Category, StringComparer.Ordinal)
            .ToList();
}
