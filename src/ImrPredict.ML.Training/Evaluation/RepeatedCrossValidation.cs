using ImrPredict.ML.Data;
using ImrPredict.ML.Evaluation;
using Microsoft.ML;

namespace ImrPredict.ML.Training.Evaluation;

/// <summary>
/// Repeated grouped k-fold cross-validation of several candidates side by side: each repeat draws new folds (no letter on
/// both sides), every candidate is fitted on the same training folds and scored on the same test fold. Figures are means over
/// repeats, with 95% intervals from a bootstrap over letters (each resample scored on every repeat and averaged), overall and
/// per category. On a few hundred items with a few dozen overturned, one split's figure moves by ±0.1: repeats and intervals
/// say how far to trust it.
/// </summary>
public sealed class RepeatedCrossValidation
{
    private readonly IReadOnlyList<ItemRow> _rows;
    private readonly bool[] _labels;
    private readonly string[] _groups;

    private RepeatedCrossValidation(IReadOnlyList<ItemRow> rows, IReadOnlyList<string> names, double[][][] probabilities)
    {
        _rows = rows;
        _labels = rows.Select(r => r.Label).ToArray();
        _groups = rows.Select(r => r.LetterId).ToArray();
        Names = names;
        Probabilities = probabilities;
    }

    /// <summary>The candidates, in the order given.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Out-of-fold probabilities: [candidate][repeat][row].</summary>
    public double[][][] Probabilities { get; }

    /// <summary>Runs <paramref name="repeats"/> × <paramref name="folds"/>-fold cross-validation of every candidate.</summary>
    public static RepeatedCrossValidation Run(MLContext ml, IReadOnlyList<ItemRow> rows, IReadOnlyList<CandidateModel> candidates, int folds, int repeats, int seed,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var probabilities = candidates.Select(_ => Enumerable.Range(0, repeats).Select(_ => new double[rows.Count]).ToArray()).ToArray();
        for (var repeat = 0; repeat < repeats; repeat++)
        {
            var foldOf = rows.Select(r => ItemRows.FoldOf(r.LetterId, folds, seed + repeat)).ToArray();
            for (var fold = 0; fold < folds; fold++)
            {
                var test = Enumerable.Range(0, rows.Count).Where(i => foldOf[i] == fold).ToArray();
                var train = rows.Where((_, i) => foldOf[i] != fold).ToList();
                if (test.Length == 0 || !train.Any(r => r.Label) || train.All(r => r.Label))
                {
                    continue;
                }

                var trainView = ml.Data.LoadFromEnumerable(train);
                var testView = ml.Data.LoadFromEnumerable(test.Select(i => rows[i]).ToList());
                for (var c = 0; c < candidates.Count; c++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    progress?.Report($"repeat {repeat + 1}/{repeats}, fold {fold + 1}/{folds}: {candidates[c].Name}");
                    var fitOn = candidates[c].ExtraTraining is { } extra ? ml.Data.LoadFromEnumerable(train.Concat(extra).ToList()) : trainView;
                    var scored = CrossValidator.Probabilities(ml, candidates[c].Build(ml).Fit(fitOn).Transform(testView));
                    for (var k = 0; k < test.Length; k++)
                    {
                        probabilities[c][repeat][test[k]] = scored[k];
                    }
                }
            }
        }

        return new RepeatedCrossValidation(rows, candidates.Select(c => c.Name).ToList(), probabilities);
    }

    /// <summary>Each candidate's figures over every item.</summary>
    public IReadOnlyList<CandidateFigures> Overall(int resamples = 1000, int seed = 1) =>
        Names.Select((name, c) => Figures(name, Probabilities[c], Enumerable.Range(0, _rows.Count).ToArray(), resamples, seed)).ToList();

    /// <summary>Each category's figures for each candidate, for categories with at least <paramref name="minimumOverturned"/> overturned items.</summary>
    public IReadOnlyList<(string Category, IReadOnlyList<CandidateFigures> Figures)> ByCategory(int minimumOverturned = 3, int resamples = 1000, int seed = 1) =>
        Enumerable.Range(0, _rows.Count).GroupBy(i => _rows[i].ItemCategory)
            .Where(g => g.Count(i => _labels[i]) >= minimumOverturned && g.Any(i => !_labels[i]))
            .OrderByDescending(g => g.Count())
            .Select(g => (g.Key, (IReadOnlyList<CandidateFigures>)Names.Select((name, c) => Figures(name, Probabilities[c], g.ToArray(), resamples, seed)).ToList()))
            .ToList();

    private CandidateFigures Figures(string name, double[][] perRepeat, int[] items, int resamples, int seed)
    {
        var point = Measure(perRepeat, items);
        var clusters = items.GroupBy(i => _groups[i]).Select(g => g.ToArray()).ToArray();
        var random = new Random(seed);
        var samples = Enumerable.Range(0, 5).Select(_ => new List<double>(resamples)).ToArray();
        var resampled = new List<int>(items.Length * 2);
        for (var r = 0; r < resamples; r++)
        {
            resampled.Clear();
            for (var k = 0; k < clusters.Length; k++)
            {
                resampled.AddRange(clusters[random.Next(clusters.Length)]);
            }

            var measured = Measure(perRepeat, resampled);
            for (var m = 0; m < samples.Length; m++)
            {
                samples[m].Add(measured[m]);
            }
        }

        FigureWithInterval Figure(int m)
        {
            var interval = Interval.Of(samples[m]);
            return new FigureWithInterval(point[m], interval.Lower, interval.Upper);
        }

        var perRepeatAuc = perRepeat.Select(p => BinaryMetrics.RocAucOf(items.Select(i => p[i]).ToList(), items.Select(i => _labels[i]).ToList())).ToList();
        return new CandidateFigures(name, items.Length, items.Count(i => _labels[i]), Figure(0), Figure(1), Figure(2), Figure(3), Figure(4), perRepeatAuc);
    }

    /// <summary>ROC-AUC, PR-AUC, top-10% recall, Brier and ECE of the items, each averaged over the repeats.</summary>
    private double[] Measure(double[][] perRepeat, IReadOnlyList<int> items)
    {
        var labels = items.Select(i => _labels[i]).ToList();
        var sums = new double[5];
        foreach (var repeat in perRepeat)
        {
            var scores = items.Select(i => repeat[i]).ToList();
            var metrics = BinaryMetrics.Compute(scores, labels, 0.5);
            sums[0] += metrics.RocAuc;
            sums[1] += metrics.PrAuc;
            sums[2] += metrics.Top10Recall;
            sums[3] += metrics.Brier;
            sums[4] += metrics.Ece;
        }

        return sums.Select(s => s / perRepeat.Length).ToArray();
    }
}
