using System.Globalization;
using System.Text;
using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>The champion/challenger report of a retraining run: <c>report.md</c> with the gate, and ROC, PR and calibration plots.</summary>
public static class ComparisonReport
{
    /// <summary>Writes the report into <paramref name="directory"/>.</summary>
    public static void Write(string directory, RetrainComparison comparison, RetrainSettings settings, string decisionLine)
    {
        var models = Models(comparison);
        EvaluationReport.WritePlots(directory, models.Select(m => new ScoredModel(m.Name, m.Metrics, m.Probabilities)).ToList(), models[0].Labels);
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(comparison, settings, decisionLine));
    }

    /// <summary>The report's markdown.</summary>
    public static string Markdown(RetrainComparison comparison, RetrainSettings settings, string decisionLine)
    {
        var split = comparison.Split;
        var b = new StringBuilder();
        b.AppendLine("# Retraining: champion and challenger").AppendLine();
        b.AppendLine(decisionLine).AppendLine();
        b.AppendLine(I($"- Held out: the {split.Holdout.Count:N0} letters ({split.HoldoutItems:N0} items, {split.HoldoutOverturned:N0} overturned) decided {Day(split.HoldoutFrom)} to {Day(split.HoldoutThrough)}, the latest {settings.HoldoutShare:P0} of items by decision date (at least {settings.MinimumHoldoutOverturned} overturned)."));
        b.AppendLine(I($"- Challenger: trained on the {split.Training.Count:N0} earlier letters ({comparison.Challenger.Rows:N0} items, {comparison.Challenger.Overturned:N0} overturned){(settings.ShuffleLabels ? ", on labels shuffled among them (negative control)" : string.Empty)}; {BundleReport.CalibrationNote(comparison.Challenger.Calibration)}"));
        var compared = comparison.Compared.Sum(l => l.Items.Count);
        if (comparison.Champion is { } unknown && !comparison.ChampionTrainedThroughKnown)
        {
            b.AppendLine(I($"- Champion: the serving bundle {unknown.Version}, whose manifest does not say what it trained on (made before `trainedThrough` existed): compared on the whole held-out period, which it may have seen, so its figures may be optimistic (the gate then favours keeping it) and recalibration is not tried."));
        }
        else if (comparison.Champion is { } champion)
        {
            b.AppendLine(I($"- Champion: the serving bundle {champion.Version}, compared with the challenger on the {comparison.Compared.Count:N0} held-out letters ({compared:N0} items) decided after its own training data: a champion refitted on every row has seen the rest."));
        }
        else if (compared < comparison.Split.HoldoutItems || comparison.Gate.Count == 0 && comparison.Decision == RetrainDecision.Keep)
        {
            b.AppendLine(I($"- Champion: not compared: {comparison.Because}."));
        }
        else
        {
            b.AppendLine("- Champion: none serves.");
        }

        if (comparison.RecalibrationTried is { } recalibration)
        {
            b.AppendLine(I($"- The champion's calibration drifted (held-out ECE beyond its validation ECE + {settings.DriftMargin:F3}): tried refitting only its calibrator on {recalibration.FittedOn}."));
        }

        b.AppendLine(I($"- Gate: promote when the challenger's ROC-AUC is at most {settings.MaxAucDrop:F3} below the champion's and its ECE at most {settings.MaxEceRise:F3} above (--max-auc-drop, --max-ece-rise). Intervals: 95% bootstrap over held-out letters, paired for differences."));
        b.AppendLine();

        var models = Models(comparison);
        b.Append("| metric | ").AppendJoin(" | ", models.Select(m => m.Name)).Append(comparison.Difference is null ? string.Empty : " | challenger - champion").AppendLine(" |");
        b.Append("| --- |").Append(string.Concat(models.Select(_ => " --- |"))).AppendLine(comparison.Difference is null ? string.Empty : " --- |");
        Row(b, "ROC-AUC", models, m => m.Metrics.RocAuc, i => i.RocAuc, comparison.Difference?.RocAuc, comparison);
        Row(b, "PR-AUC (Overturned)", models, m => m.Metrics.PrAuc, i => i.PrAuc, comparison.Difference?.PrAuc, comparison);
        Row(b, "log-loss", models, m => m.Metrics.LogLoss, i => i.LogLoss, comparison.Difference?.LogLoss, comparison);
        Row(b, "ECE (10 bins)", models, m => m.Metrics.Ece, i => i.Ece, comparison.Difference?.Ece, comparison);
        Row(b, "overturned found in top 10%", models, m => m.Metrics.Top10Recall, i => i.Top10Recall, comparison.Difference?.Top10Recall, comparison);
        b.Append("| threshold | ").AppendJoin(" | ", models.Select(m => F(m.Metrics.Threshold))).AppendLine(comparison.Difference is null ? " |" : " | |");
        b.Append("| mean predicted vs observed | ").AppendJoin(" | ", models.Select(m => I($"{m.Probabilities.DefaultIfEmpty().Average():F3} vs {(double)m.Metrics.Positives / Math.Max(1, m.Metrics.N):F3}"))).AppendLine(comparison.Difference is null ? " |" : " | |");

        if (comparison.Gate.Count > 0)
        {
            b.AppendLine().AppendLine("## Gate").AppendLine();
            foreach (var check in comparison.Gate)
            {
                b.AppendLine(I($"- {(check.Passed ? "passed" : "FAILED")}: {check.Name}: {check.Detail}"));
            }
        }

        foreach (var model in models)
        {
            b.AppendLine().AppendLine($"## Reliability of the {model.Name} on the held-out period").AppendLine();
            b.AppendLine("| predicted | items | mean predicted | observed overturn rate |").AppendLine("| --- | --- | --- | --- |");
            foreach (var bin in model.Metrics.Reliability)
            {
                b.AppendLine(I($"| {bin.Lower:F1}-{bin.Upper:F1} | {bin.Count:N0} | {bin.MeanPredicted:F3} | {bin.ObservedRate:F3} |"));
            }
        }

        b.AppendLine().AppendLine("![ROC](roc.png) ![PR](pr.png) ![Calibration](calibration.png)");
        return b.ToString();
    }

    private static List<ModelOnHoldout> Models(RetrainComparison comparison) =>
        new[] { comparison.Champion, comparison.Recalibrated, comparison.ChallengerScores }.OfType<ModelOnHoldout>().ToList();

    private static void Row(StringBuilder b, string name, List<ModelOnHoldout> models, Func<ModelOnHoldout, double> value, Func<MetricIntervals, Interval> interval,
        Interval? difference, RetrainComparison comparison)
    {
        b.Append("| ").Append(name).Append(" | ");
        b.AppendJoin(" | ", models.Select(m => m.Intervals is null ? F(value(m)) : I($"{F(value(m))} [{F(interval(m.Intervals).Lower)}, {F(interval(m.Intervals).Upper)}]")));
        if (comparison.Difference is not null && comparison.Champion is not null)
        {
            var delta = value(comparison.ChallengerScores) - value(comparison.Champion);
            b.Append(" | ").Append(difference is null ? F(delta) : I($"{delta:+0.000;-0.000} [{difference.Lower:+0.000;-0.000}, {difference.Upper:+0.000;-0.000}]"));
        }

        b.AppendLine(" |");
    }

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
