using System.Globalization;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Results;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Calibration;
using ImrPredict.ML.Data;
using ImrPredict.ML.Evaluation;
using ImrPredict.ML.Training.Calibration;
using Microsoft.ML;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>
/// Champion and challenger: hold out the most recent decisions, train a challenger on the rest, score both on the
/// held-out period and decide, by the promotion gate, whether the challenger replaces the champion; when the champion's
/// calibration has drifted, whether refitting only its calibrator on the recent period is enough.
/// </summary>
public static class RetrainJob
{
    /// <summary>Trains the challenger and compares it with <paramref name="champion"/> (null: none serves) on the held-out period.</summary>
    public static Result<RetrainComparison, TrainingErrorCode> Compare(MLContext ml, IReadOnlyList<ImrLetter> letters, LoadedBundle? champion,
        RetrainSettings settings, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var split = TimeSplit.Latest(letters, settings.HoldoutShare, settings.MinimumHoldoutOverturned);
        if (split is null)
        {
            return Result<RetrainComparison, TrainingErrorCode>.Fail(TrainingErrorCode.NoTimeSplit,
                $"{letters.Count:N0} letters ({letters.Count(l => l.Header.DecisionDate is not null):N0} with a decision date) cannot be split into a training period and a held-out recent period");
        }

        var trainRows = TimeSplit.RowsOf(split.Training);
        var holdoutRows = TimeSplit.RowsOf(split.Holdout);
        if (ModelTrainer.Check(trainRows, LetterCorpus.Instance, settings.FoldsFor(trainRows.Count)) is { } refused)
        {
            return Result<RetrainComparison, TrainingErrorCode>.Fail(refused);
        }

        if (settings.ShuffleLabels)
        {
            Shuffle(trainRows, settings.Seed);
        }

        progress?.Report($"training the challenger on {trainRows.Count:N0} items decided before {Day(split.HoldoutFrom)}");
        var challenger = ModelTrainer.Train(ml, trainRows, LetterCorpus.Instance, OptionsFor(trainRows.Count, settings), settings.FoldsFor(trainRows.Count), includeLogistic: false,
            progress, cancellationToken).Value;

        cancellationToken.ThrowIfCancellationRequested();
        var compared = champion?.Manifest.TrainedThrough is { } seen
            ? split.Holdout.Where(l => l.Header.DecisionDate > seen).ToList()
            : split.Holdout.ToList();
        var rows = TimeSplit.RowsOf(compared);
        progress?.Report($"scoring on {rows.Count:N0} held-out items decided {Day(split.HoldoutFrom)} to {Day(split.HoldoutThrough)}");
        var labels = rows.Select(r => r.Label).ToArray();
        var groups = rows.Select(r => r.LetterId).ToArray();
        var positives = labels.Count(l => l);
        ModelOnHoldout ChallengerOn(List<ItemRow> scored) => Scored(settings.ShuffleLabels ? "challenger (shuffled labels)" : "challenger", null,
            ModelScores.Served(ModelScores.Raw(ml, challenger.Model, scored), challenger.Calibration), scored.Select(r => r.Label).ToArray(), challenger.Threshold.Value);
        if (champion is not null && (positives < settings.MinimumHoldoutOverturned || positives == labels.Length))
        {
            var tooFew = Invariant($"only {rows.Count:N0} held-out items ({positives:N0} overturned) were decided after the champion's training data (through {champion.Manifest.TrainedThrough:yyyy-MM-dd}): too few to judge a challenger against it (at least {settings.MinimumHoldoutOverturned} overturned needed)");
            return new RetrainComparison(split, compared, challenger, ChallengerOn(holdoutRows), null, null, null, [], false, RetrainDecision.Keep, tooFew);
        }

        var scoredChampion = champion is null ? null : ScoreChampion(ml, champion, rows, labels, groups, settings);
        var models = new[] { scoredChampion?.Scores, scoredChampion?.Recalibrated, ChallengerOn(rows) }.OfType<ModelOnHoldout>().ToList();
        progress?.Report($"bootstrap over {split.Holdout.Count:N0} held-out letters");
        var resamples = holdoutRows.Count < EvaluationReport.BootstrapBelow ? settings.Resamples : Math.Min(settings.Resamples, 200);
        var (intervals, difference) = HoldoutBootstrap.Run(models.Select(m => m.Probabilities).ToList(), labels, groups, resamples, settings.Seed);
        models = models.Select((m, i) => m with { Intervals = intervals[i] }).ToList();
        var championScores = scoredChampion is null ? null : models[0];
        var recalibrated = scoredChampion?.Recalibrated is null ? null : models[1];
        var challengerScores = models[^1];
        var drifted = scoredChampion?.Drifted ?? false;

        var gate = championScores is null ? [] : Gate(championScores.Metrics, challengerScores.Metrics, settings);
        var (decision, because) = Decide(championScores, recalibrated, challengerScores, gate, drifted, settings);
        if (champion is not null && champion.Manifest.TrainedThrough is null)
        {
            because += " (the champion's manifest does not say what it trained on, so it may have seen the held-out period: promote a retrained bundle with imr promote after reading the report)";
        }

        return new RetrainComparison(split, compared, challenger, challengerScores, championScores, recalibrated, championScores is null ? null : difference, gate, drifted, decision, because)
        {
            RecalibrationTried = scoredChampion?.Recalibration,
            ChampionTrainedThroughKnown = champion?.Manifest.TrainedThrough is not null,
        };
    }

    /// <summary>
    /// The champion on the compared items: its served scores, whether its calibration drifted there and, when it did, a
    /// recalibration tried honestly (each half of the letters mapped by a calibrator fitted on the other half).
    /// </summary>
    private static ChampionOnHoldout ScoreChampion(MLContext ml, LoadedBundle champion, List<ItemRow> rows, bool[] labels, string[] groups, RetrainSettings settings)
    {
        var championRaw = ModelScores.Raw(ml, champion.Model, rows);
        var scores = Scored("champion", champion.Manifest.BundleVersion, ModelScores.Served(championRaw, champion.Manifest.Calibration), labels, champion.Manifest.Threshold.Value);
        // A champion that does not say what it trained on may have seen this period: its scores here may be in-sample,
        // which says nothing about drift and would teach a calibrator the wrong map.
        var drifted = champion.Manifest.TrainedThrough is not null
            && CalibrationDrift.Drifted(scores.Probabilities, labels, scores.Metrics.Ece, champion.Manifest.Metrics.Model.Ece, settings.DriftMargin);
        if (!drifted)
        {
            return new ChampionOnHoldout(scores, null, null, false);
        }

        var halves = groups.Select(g => ItemRows.FoldOf(g, 2, settings.Seed)).ToArray();
        var served = CalibrationFitter.CrossFitted(championRaw, labels, halves, 2);
        var recalibration = CalibrationFitter.Fit(championRaw, labels, "the champion's scores on the compared items (each half mapped by a calibrator fitted on the other)");
        var recalibrated = Scored("champion recalibrated", null, served, labels, BinaryMetrics.BestF1Threshold(served, labels).Threshold);
        return new ChampionOnHoldout(scores, recalibrated, recalibration, true);
    }

    private sealed record ChampionOnHoldout(ModelOnHoldout Scores, ModelOnHoldout? Recalibrated, ProbabilityCalibration? Recalibration, bool Drifted);

    /// <summary>The gate's checks: ROC-AUC not lower than the champion's by more than the margin; ECE not higher by more than its margin.</summary>
    public static IReadOnlyList<GateCheck> Gate(BinaryMetrics champion, BinaryMetrics challenger, RetrainSettings settings) =>
    [
        new("ROC-AUC", !(challenger.RocAuc < champion.RocAuc - settings.MaxAucDrop),
            Invariant($"challenger {challenger.RocAuc:F3} vs champion {champion.RocAuc:F3}: drop {champion.RocAuc - challenger.RocAuc:F3}, allowed {settings.MaxAucDrop:F3}")),
        new("ECE", !(challenger.Ece > champion.Ece + settings.MaxEceRise),
            Invariant($"challenger {challenger.Ece:F3} vs champion {champion.Ece:F3}: rise {challenger.Ece - champion.Ece:F3}, allowed {settings.MaxEceRise:F3}")),
    ];

    /// <summary>
    /// Trains the promoted model on every letter (training and held-out periods). Its calibration, threshold and validation
    /// metrics come from scores every item already has out of sample: the challenger's out-of-fold scores on the training
    /// period and the challenger's scores on the rest (decided later, or undated), one more fold. Running a second
    /// cross-validation on all items would cost two more fits for the same kind of scores (about a third of a retrain).
    /// </summary>
    public static TrainedModel Refit(MLContext ml, IReadOnlyList<ImrLetter> letters, RetrainComparison comparison, RetrainSettings settings,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var challenger = comparison.Challenger;
        var trained = TimeSplit.RowsOf(comparison.Split.Training);
        var inTraining = comparison.Split.Training.Select(l => l.LetterId).ToHashSet(StringComparer.Ordinal);
        var later = TimeSplit.RowsOf(letters.Where(l => !inTraining.Contains(l.LetterId)).ToList());
        var oof = challenger.Validation;
        if (oof.Labels.Length != trained.Count || !oof.Labels.SequenceEqual(trained.Select(r => r.Label)) || later.Count == 0)
        {
            // Not the rows the challenger validated on (it cannot happen for the letters it compared; kept honest anyway).
            var rows = TimeSplit.RowsOf(letters);
            progress?.Report($"refitting the promoted model on all {rows.Count:N0} items");
            return ModelTrainer.Train(ml, rows, LetterCorpus.Instance, OptionsFor(rows.Count, settings), settings.FoldsFor(rows.Count), includeLogistic: false, progress, cancellationToken).Value;
        }

        progress?.Report($"scoring the {later.Count:N0} items after the training period with the challenger");
        var laterScores = ModelScores.Raw(ml, challenger.Model, later);
        var folds = oof.Folds.Max() + 2;
        var all = trained.Concat(later).ToList();
        var labels = all.Select(r => r.Label).ToArray();
        var foldOf = oof.Folds.Concat(Enumerable.Repeat(folds - 1, later.Count)).ToArray();
        var scores = oof.Model.Concat(laterScores).ToArray();
        var combined = new OutOfFold
        {
            Labels = labels,
            Groups = [.. all.Select(r => r.LetterId)],
            Folds = foldOf,
            Model = scores,
            Constant = [.. Enumerable.Repeat(oof.Constant.Length == 0 ? 0 : oof.Constant[0], all.Count)],
            Thresholds = CrossValidator.CrossFittedThresholds(scores, labels, foldOf, folds),
        };
        progress?.Report($"refitting the promoted model on all {all.Count:N0} items");
        return ModelTrainer.FitValidated(ml, all, LetterCorpus.Instance, OptionsFor(all.Count, settings), combined, folds,
            Invariant($"out-of-sample scores of all {all.Count:N0} items: the challenger's {folds - 1}-fold out-of-fold scores on the {trained.Count:N0} items of the training period (folds grouped by letter) and its scores on the {later.Count:N0} later items"),
            progress, cancellationToken);
    }

    /// <summary>
    /// The champion's calibration refitted on the compared (most recent, unseen) items, with a threshold chosen there:
    /// what a recalibrated bundle serves once the comparison showed refitting the calibrator is enough.
    /// </summary>
    public static (ProbabilityCalibration Calibration, ThresholdChoice Threshold) Recalibration(MLContext ml, LoadedBundle champion, RetrainComparison comparison)
    {
        var rows = TimeSplit.RowsOf(comparison.Compared);
        var labels = rows.Select(r => r.Label).ToArray();
        var raw = ModelScores.Raw(ml, champion.Model, rows);
        var period = Invariant($"decided {comparison.Compared.Min(l => l.Header.DecisionDate):yyyy-MM-dd} to {comparison.Compared.Max(l => l.Header.DecisionDate):yyyy-MM-dd}");
        var calibration = CalibrationFitter.Fit(raw, labels, $"the champion's scores on the {rows.Count:N0} items {period} (recalibration only)");
        var best = BinaryMetrics.BestF1Threshold(raw.Select(calibration.Apply).ToArray(), labels);
        return (calibration, new ThresholdChoice(best.Threshold, best.Precision, best.Recall, best.F1,
            $"best F1 for Overturned on the recalibrated probabilities of the items {period}"));
    }

    /// <summary>The pipeline options for a corpus of <paramref name="rows"/> items.</summary>
    public static PipelineOptions OptionsFor(int rows, RetrainSettings settings)
    {
        var options = (settings.MostlyGenerated ? PipelineOptions.ForGeneratedCorpus(rows) : PipelineOptions.ForSmallCorpus(rows)) with { Seed = settings.Seed };
        return settings.Trees is { } trees ? options with { NumberOfTrees = trees } : options;
    }

    private static (RetrainDecision, string) Decide(ModelOnHoldout? champion, ModelOnHoldout? recalibrated, ModelOnHoldout challenger,
        IReadOnlyList<GateCheck> gate, bool drifted, RetrainSettings settings)
    {
        if (champion is null)
        {
            return (RetrainDecision.Promote, "no champion serves: the challenger is the first bundle");
        }

        if (drifted && recalibrated is not null
            && recalibrated.Metrics.Ece < champion.Metrics.Ece
            && !(challenger.Metrics.RocAuc > recalibrated.Metrics.RocAuc + settings.MaxAucDrop)
            && !(recalibrated.Metrics.Ece > challenger.Metrics.Ece + settings.MaxEceRise))
        {
            return (RetrainDecision.Recalibrate, Invariant(
                $"the champion's calibration drifted (held-out ECE {champion.Metrics.Ece:F3}); refitting its calibrator brings it to {recalibrated.Metrics.Ece:F3} and the challenger ranks no better beyond the margin (ROC-AUC {challenger.Metrics.RocAuc:F3} vs {recalibrated.Metrics.RocAuc:F3})"));
        }

        var failed = gate.Where(c => !c.Passed).ToList();
        return failed.Count == 0
            ? (RetrainDecision.Promote, "the challenger is not worse than the champion beyond the margins: " + string.Join("; ", gate.Select(c => $"{c.Name} {c.Detail}")))
            : (RetrainDecision.Keep, "the challenger is worse than the champion beyond the margins: " + string.Join("; ", failed.Select(c => $"{c.Name} {c.Detail}")));
    }

    private static ModelOnHoldout Scored(string name, string? version, double[] probabilities, bool[] labels, double threshold) =>
        new(name, version, probabilities, labels, BinaryMetrics.Compute(probabilities, labels, threshold));

    private static void Shuffle(List<ItemRow> rows, int seed)
    {
        var labels = rows.Select(r => r.Label).ToArray();
        new Random(seed).Shuffle(labels);
        for (var i = 0; i < rows.Count; i++)
        {
            rows[i].Label = labels[i];
        }
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
