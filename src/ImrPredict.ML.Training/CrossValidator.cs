using ImrPredict.ML.Data;
using ImrPredict.ML.Evaluation;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace ImrPredict.ML.Training;

/// <summary>Grouped k-fold cross-validation: no group (letter) is on both sides of a split.</summary>
public static class CrossValidator
{
    /// <summary>Runs <paramref name="folds"/>-fold cross-validation of the model (and, if asked, the logistic baseline).</summary>
    public static OutOfFold Run<TRow>(MLContext ml, IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec, PipelineOptions options,
        int folds, bool includeLogistic, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
        where TRow : class
    {
        var labels = rows.Select(spec.LabelOf).ToArray();
        var groups = rows.Select(spec.GroupOf).ToArray();
        var foldOf = groups.Select(g => ItemRows.FoldOf(g, folds, options.Seed)).ToArray();
        var model = new double[rows.Count];
        var logistic = includeLogistic ? new double[rows.Count] : null;
        var constant = new double[rows.Count];
        for (var fold = 0; fold < folds; fold++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var trainRows = rows.Where((_, i) => foldOf[i] != fold).ToList();
            var testIndexes = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] == fold).ToArray();
            if (testIndexes.Length == 0)
            {
                continue;
            }

            var testRows = testIndexes.Select(i => rows[i]).ToList();
            var prevalence = trainRows.Count(spec.LabelOf) / (double)Math.Max(1, trainRows.Count);
            var train = ml.Data.LoadFromEnumerable(trainRows);
            var test = ml.Data.LoadFromEnumerable(testRows);

            progress?.Report($"fold {fold + 1}/{folds}: training the model on {trainRows.Count:N0} items");
            var fitted = spec.Build(ml, options).Fit(train);
            Scatter(Probabilities(ml, fitted.Transform(test)), testIndexes, model);
            if (logistic is not null)
            {
                progress?.Report($"fold {fold + 1}/{folds}: training the logistic baseline");
                var baseline = spec.BuildBaseline(ml, options).Fit(train);
                Scatter(Probabilities(ml, baseline.Transform(test)), testIndexes, logistic);
            }

            foreach (var i in testIndexes)
            {
                constant[i] = prevalence;
            }
        }

        // One constant for every row: per-fold constants would rank folds against each other and give the
        // "always Upheld" baseline an AUC away from 0.5 by accident of fold composition.
        var averagePrevalence = constant.Average();
        Array.Fill(constant, averagePrevalence);
        return new OutOfFold
        {
            Labels = labels,
            Groups = groups,
            Folds = foldOf,
            Model = model,
            Logistic = logistic,
            Constant = constant,
            Thresholds = CrossFittedThresholds(model, labels, foldOf, folds),
        };
    }

    /// <summary>The probability column of scored data, in row order.</summary>
    public static double[] Probabilities(MLContext ml, IDataView scored) =>
        scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();

    /// <summary>Per row, the best-F1 threshold found on the other folds' scores.</summary>
    public static double[] CrossFittedThresholds(double[] scores, bool[] labels, int[] foldOf, int folds)
    {
        var perFold = new double[folds];
        for (var fold = 0; fold < folds; fold++)
        {
            var others = Enumerable.Range(0, scores.Length).Where(i => foldOf[i] != fold).ToArray();
            perFold[fold] = others.Length == 0 ? 0.5 : BinaryMetrics.BestF1Threshold(others.Select(i => scores[i]).ToArray(), others.Select(i => labels[i]).ToArray()).Threshold;
        }

        return foldOf.Select(f => perFold[f]).ToArray();
    }

    private static void Scatter(double[] values, int[] indexes, double[] target)
    {
        for (var k = 0; k < indexes.Length; k++)
        {
            target[indexes[k]] = values[k];
        }
    }
}
