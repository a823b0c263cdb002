using System.Globalization;
using System.Text;
using ImrPredict.ML.Training;
using ScottPlot;

namespace ImrPredict.ML.Evaluation;

/// <summary>Metrics with intervals, the markdown report and its ROC, PR and calibration plots.</summary>
public static class EvaluationReport
{
    /// <summary>How the report's calibrated column was measured, for its notes.</summary>
    public const string CalibrationMethodNote =
        "\"FastTree, calibrated\": the probabilities served, measured honestly: each fold's out-of-fold scores go through a calibrator fitted on the other folds' scores only "
        + "(isotonic with enough overturned items, else Platt shrunk toward the base rate); its ranking metrics are the raw model's, since one monotone calibrator keeps the order. "
        + "\"FastTree, raw\": ML.NET's own Platt step, fitted on the trees' training rows.";

    /// <summary>Below this many items, metrics carry bootstrap intervals.</summary>
    public const int BootstrapBelow = 20_000;

    /// <summary>Metrics of one score column on out-of-fold rows, with bootstrap intervals on small sets.</summary>
    public static BinaryMetrics Metrics(double[] probabilities, OutOfFold oof, IReadOnlyList<double> thresholds) =>
        Metrics(probabilities, oof.Labels, oof.Groups, thresholds);

    /// <summary>Metrics with bootstrap intervals (over letters) when the set is small.</summary>
    public static BinaryMetrics Metrics(double[] probabilities, bool[] labels, string[] groups, IReadOnlyList<double> thresholds)
    {
        var metrics = BinaryMetrics.Compute(probabilities, labels, thresholds);
        return labels.Length < BootstrapBelow ? metrics.WithBootstrap(probabilities, labels, groups) : metrics;
    }

    /// <summary>
    /// Metrics of a calibrated model from cross-fitted calibrated scores, with the ranking metrics (ROC-AUC, PR-AUC, top-k
    /// recall) of the raw scores: the served model applies one monotone calibrator, so it ranks items as the raw model does,
    /// while pooling folds that different calibrators mapped would reorder items across folds.
    /// </summary>
    public static BinaryMetrics Calibrated(BinaryMetrics raw, double[] calibrated, bool[] labels, string[] groups, IReadOnlyList<double> thresholds) =>
        Metrics(calibrated, labels, groups, thresholds) with
        {
            RocAuc = raw.RocAuc,
            RocAucInterval = raw.RocAucInterval,
            PrAuc = raw.PrAuc,
            PrAucInterval = raw.PrAucInterval,
            Top10Recall = raw.Top10Recall,
            Top20Recall = raw.Top20Recall,
        };

    /// <summary>Writes <c>report.md</c>, <c>roc.png</c>, <c>pr.png</c> and <c>calibration.png</c> into <paramref name="directory"/>.</summary>
    public static void Write(string directory, string title, IReadOnlyList<string> notes, IReadOnlyList<ScoredModel> models, bool[] labels, double? oracleAuc)
    {
        WritePlots(directory, models, labels);
        File.WriteAllText(Path.Combine(directory, "report.md"), Markdown(title, notes, models, oracleAuc));
    }

    /// <summary>Writes <c>roc.png</c>, <c>pr.png</c> and <c>calibration.png</c> of <paramref name="models"/> into <paramref name="directory"/>.</summary>
    public static void WritePlots(string directory, IReadOnlyList<ScoredModel> models, bool[] labels)
    {
        Directory.CreateDirectory(directory);
        PlotRoc(Path.Combine(directory, "roc.png"), models, labels);
        PlotPr(Path.Combine(directory, "pr.png"), models, labels);
        PlotCalibration(Path.Combine(directory, "calibration.png"), models);
    }

    /// <summary>The markdown report.</summary>
    public static string Markdown(string title, IReadOnlyList<string> notes, IReadOnlyList<ScoredModel> models, double? oracleAuc)
    {
        var b = new StringBuilder();
        b.Append("# ").AppendLine(title).AppendLine();
        foreach (var note in notes)
        {
            b.Append("- ").AppendLine(note);
        }

        var first = models[0].Metrics;
        b.AppendLine().AppendLine(Invariant($"{first.N:N0} items, {first.Positives:N0} overturned ({(double)first.Positives / Math.Max(1, first.N):P1})."));
        if (oracleAuc is { } oracle)
        {
            b.AppendLine().AppendLine(Invariant($"Oracle ROC-AUC (the generator's true probabilities): **{oracle:F3}**; the model reaches {first.RocAuc / oracle:P1} of it."));
        }

        b.AppendLine().AppendLine("| metric | " + string.Join(" | ", models.Select(m => m.Name)) + " |");
        b.AppendLine("| --- |" + string.Concat(models.Select(_ => " --- |")));
        Row(b, "ROC-AUC", models, m => WithInterval(m.RocAuc, m.RocAucInterval));
        Row(b, "PR-AUC (Overturned)", models, m => WithInterval(m.PrAuc, m.PrAucInterval));
        Row(b, "log-loss", models, m => F(m.LogLoss));
        Row(b, "Brier", models, m => F(m.Brier));
        Row(b, "ECE (10 bins)", models, m => F(m.Ece));
        Row(b, "threshold", models, m => m.Threshold > 1 ? "never Overturned" : F(m.Threshold));
        Row(b, "balanced accuracy", models, m => F(m.BalancedAccuracy));
        Row(b, "macro-F1", models, m => F(m.MacroF1));
        Row(b, "precision (Overturned)", models, m => F(m.Precision));
        Row(b, "recall (Overturned)", models, m => F(m.Recall));
        Row(b, "overturned found in top 10%", models, m => P(m.Top10Recall));
        Row(b, "overturned found in top 20%", models, m => P(m.Top20Recall));

        // Every model whose probabilities spread over more than one bin (the constant baseline does not).
        foreach (var model in models.Where((m, i) => i == 0 || m.Metrics.Reliability.Count > 1))
        {
            b.AppendLine().AppendLine("## Reliability of " + model.Name).AppendLine();
            b.AppendLine("| predicted | items | mean predicted | observed overturn rate |").AppendLine("| --- | --- | --- | --- |");
            foreach (var bin in model.Metrics.Reliability)
            {
                b.AppendLine(Invariant($"| {bin.Lower:F1}-{bin.Upper:F1} | {bin.Count:N0} | {bin.MeanPredicted:F3} | {bin.ObservedRate:F3} |"));
            }
        }

        b.AppendLine().AppendLine("![ROC](roc.png) ![PR](pr.png) ![Calibration](calibration.png)");
        return b.ToString();
    }

    private static void Row(StringBuilder b, string name, IReadOnlyList<ScoredModel> models, Func<BinaryMetrics, string> value) =>
        b.AppendLine($"| {name} | " + string.Join(" | ", models.Select(m => value(m.Metrics))) + " |");

    private static string WithInterval(double value, Interval? interval) =>
        interval is null ? F(value) : Invariant($"{value:F3} [{interval.Lower:F3}, {interval.Upper:F3}]");

    private static string F(double value) => double.IsNaN(value) ? "n/a" : value.ToString("F3", CultureInfo.InvariantCulture);

    private static string P(double value) => double.IsNaN(value) ? "n/a" : value.ToString("P1", CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void PlotRoc(string path, IReadOnlyList<ScoredModel> models, bool[] labels) =>
        PlotLines(path, "ROC", "false positive rate", "true positive rate (Overturned)", Alignment.LowerRight, diagonal: true, markerSize: null,
            models.Select(m => (RocCurve(m.Probabilities, labels), Invariant($"{m.Name} (AUC {m.Metrics.RocAuc:F3})"))));

    private static void PlotPr(string path, IReadOnlyList<ScoredModel> models, bool[] labels) =>
        PlotLines(path, "Precision-recall for Overturned", "recall", "precision", Alignment.UpperRight, diagonal: false, markerSize: null,
            models.Select(m => (PrCurve(m.Probabilities, labels), Invariant($"{m.Name} (AP {m.Metrics.PrAuc:F3})"))));

    private static void PlotCalibration(string path, IReadOnlyList<ScoredModel> models) =>
        PlotLines(path, "Calibration", "mean predicted probability", "observed overturn rate", Alignment.UpperLeft, diagonal: true, markerSize: 6,
            models.Where(m => m.Metrics.Reliability.Count > 1).Select(m =>
                ((m.Metrics.Reliability.Select(b => b.MeanPredicted).ToArray(), m.Metrics.Reliability.Select(b => b.ObservedRate).ToArray()),
                    Invariant($"{m.Name} (ECE {m.Metrics.Ece:F3})"))));

    /// <summary>One line a model, with an optional dashed diagonal (chance for ROC, perfect calibration), saved as a 640×480 PNG.</summary>
    private static void PlotLines(
        string path, string title, string xLabel, string yLabel, Alignment legend, bool diagonal, float? markerSize,
        IEnumerable<((double[] Xs, double[] Ys) Points, string Legend)> lines)
    {
        var plot = new Plot();
        foreach (var ((xs, ys), text) in lines)
        {
            var line = plot.Add.ScatterLine(xs, ys);
            line.LegendText = text;
            if (markerSize is { } size)
            {
                line.MarkerSize = size;
            }
        }

        if (diagonal)
        {
            plot.Add.Line(0, 0, 1, 1).LinePattern = LinePattern.Dashed;
        }

        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(legend);
        plot.SavePng(path, 640, 480);
    }

    private static (double[] X, double[] Y) RocCurve(double[] scores, bool[] labels)
    {
        var positives = Math.Max(1, labels.Count(l => l));
        var negatives = Math.Max(1, labels.Length - labels.Count(l => l));
        var xs = new List<double> { 0 };
        var ys = new List<double> { 0 };
        foreach (var (_, ranked, truePositives) in BinaryMetrics.Cutoffs(scores, labels))
        {
            xs.Add((double)(ranked - truePositives) / negatives);
            ys.Add((double)truePositives / positives);
        }

        return Thin(xs, ys);
    }

    private static (double[] X, double[] Y) PrCurve(double[] scores, bool[] labels)
    {
        var positives = Math.Max(1, labels.Count(l => l));
        var xs = new List<double>();
        var ys = new List<double>();
        foreach (var (_, ranked, truePositives) in BinaryMetrics.Cutoffs(scores, labels))
        {
            xs.Add((double)truePositives / positives);
            ys.Add((double)truePositives / ranked);
        }

        return Thin(xs, ys);
    }

    // Plots of 200k points are slow to draw and no clearer than 2,000.
    private static (double[] X, double[] Y) Thin(List<double> xs, List<double> ys)
    {
        var step = Math.Max(1, xs.Count / 2000);
        var keep = Enumerable.Range(0, xs.Count).Where(i => i % step == 0 || i == xs.Count - 1).ToArray();
        return (keep.Select(i => xs[i]).ToArray(), keep.Select(i => ys[i]).ToArray());
    }
}
