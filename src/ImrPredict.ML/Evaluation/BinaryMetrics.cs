using ImrPredict.Core.Statistics;

namespace ImrPredict.ML.Evaluation;

/// <summary>Metrics of probabilities of Overturned against labels, at a decision threshold.</summary>
public sealed record BinaryMetrics
{
    /// <summary>Items scored.</summary>
    public int N { get; init; }

    /// <summary>Overturned items.</summary>
    public int Positives { get; init; }

    /// <summary>Area under the ROC curve.</summary>
    public double RocAuc { get; init; }

    /// <summary>Area under the precision-recall curve for Overturned (average precision).</summary>
    public double PrAuc { get; init; }

    /// <summary>Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 - 1e-15].</summary>
    public double LogLoss { get; init; }

    /// <summary>Mean squared error of the probability.</summary>
    public double Brier { get; init; }

    /// <summary>Expected calibration error over ten equal-width bins.</summary>
    public double Ece { get; init; }

    /// <summary>The threshold the decision metrics use.</summary>
    public double Threshold { get; init; }

    /// <summary>Mean of the recalls of both classes at the threshold.</summary>
    public double BalancedAccuracy { get; init; }

    /// <summary>Mean of the F1 of both classes at the threshold.</summary>
    public double MacroF1 { get; init; }

    /// <summary>Precision for Overturned at the threshold.</summary>
    public double Precision { get; init; }

    /// <summary>Recall for Overturned at the threshold.</summary>
    public double Recall { get; init; }

    /// <summary>Share of all Overturned items found in the top 10% of items ranked by probability.</summary>
    public double Top10Recall { get; init; }

    /// <summary>Share of all Overturned items found in the top 20%.</summary>
    public double Top20Recall { get; init; }

    /// <summary>Reliability table (ten equal-width bins; empty bins left out).</summary>
    public IReadOnlyList<ReliabilityBin> Reliability { get; init; } = [];

    /// <summary>Bootstrap 95% interval of the ROC-AUC, when computed.</summary>
    public Interval? RocAucInterval { get; init; }

    /// <summary>Bootstrap 95% interval of the PR-AUC, when computed.</summary>
    public Interval? PrAucInterval { get; init; }

    /// <summary>Computes every metric.</summary>
    /// <param name="probabilities">Predicted probability of Overturned per item.</param>
    /// <param name="labels">True when the item was Overturned.</param>
    /// <param name="threshold">Decision threshold: Overturned when the probability is at least this.</param>
    public static BinaryMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double threshold) =>
        Compute(probabilities, labels, new ConstantList(threshold, probabilities.Count));

    /// <summary>Computes every metric with a threshold per item (cross-fitted thresholds in cross-validation).</summary>
    public static BinaryMetrics Compute(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, IReadOnlyList<double> thresholds)
    {
        if (probabilities.Count != labels.Count)
        {
            throw new ArgumentException("probabilities and labels differ in length");
        }

        var n = labels.Count;
        var positives = labels.Count(l => l);
        double logLoss = 0, brier = 0;
        int tp = 0, fp = 0, tn = 0, fn = 0;
        for (var i = 0; i < n; i++)
        {
            var p = Math.Clamp(probabilities[i], 1e-15, 1 - 1e-15);
            var y = labels[i] ? 1.0 : 0.0;
            logLoss -= y * Math.Log(p) + (1 - y) * Math.Log(1 - p);
            brier += (probabilities[i] - y) * (probabilities[i] - y);
            var predicted = probabilities[i] >= thresholds[i];
            if (predicted && labels[i]) tp++;
            else if (predicted) fp++;
            else if (labels[i]) fn++;
            else tn++;
        }

        var precision = tp + fp == 0 ? 0 : (double)tp / (tp + fp);
        var recall = tp + fn == 0 ? 0 : (double)tp / (tp + fn);
        var specificity = tn + fp == 0 ? 0 : (double)tn / (tn + fp);
        var npv = tn + fn == 0 ? 0 : (double)tn / (tn + fn);
        var (reliability, ece) = Calibration(probabilities, labels);
        return new BinaryMetrics
        {
            N = n,
            Positives = positives,
            RocAuc = RocAucOf(probabilities, labels),
            PrAuc = AveragePrecision(probabilities, labels),
            LogLoss = n == 0 ? double.NaN : logLoss / n,
            Brier = n == 0 ? double.NaN : brier / n,
            Ece = ece,
            Threshold = n == 0 ? double.NaN : thresholds.Average(),
            BalancedAccuracy = (recall + specificity) / 2,
            MacroF1 = (F1(precision, recall) + F1(npv, specificity)) / 2,
            Precision = precision,
            Recall = recall,
            Top10Recall = TopRecall(probabilities, labels, 0.10),
            Top20Recall = TopRecall(probabilities, labels, 0.20),
            Reliability = reliability,
        };
    }

    /// <summary>ROC-AUC by the rank-sum statistic, ties counted half; NaN when a class is missing.</summary>
    public static double RocAucOf(IReadOnlyList<double> scores, IReadOnlyList<bool> labels) => RankStatistics.RocAuc(scores, labels);

    /// <summary>Average precision (area under the step precision-recall curve); NaN without positives.</summary>
    public static double AveragePrecision(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        double sum = 0;
        var previousTruePositives = 0;
        foreach (var (_, ranked, truePositives) in Cutoffs(scores, labels))
        {
            sum += (truePositives - previousTruePositives) * ((double)truePositives / ranked);
            previousTruePositives = truePositives;
        }

        return sum / positives;
    }

    /// <summary>(threshold, precision, recall, F1) maximizing F1 for Overturned over the observed scores.</summary>
    public static (double Threshold, double Precision, double Recall, double F1) BestF1Threshold(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var positives = labels.Count(l => l);
        var best = (Threshold: 0.5, Precision: 0.0, Recall: 0.0, F1: -1.0);
        if (positives == 0)
        {
            return (0.5, 0, 0, 0);
        }

        foreach (var (score, ranked, truePositives) in Cutoffs(scores, labels))
        {
            var precision = (double)truePositives / ranked;
            var recall = (double)truePositives / positives;
            var f1 = F1(precision, recall);
            if (f1 > best.F1)
            {
                best = (score, precision, recall, f1);
            }
        }

        return best.F1 < 0 ? (0.5, 0, 0, 0) : best;
    }

    /// <summary>
    /// The cut-offs of a ranking by descending score, one per distinct score (tied items enter together, so nothing
    /// depends on the order of ties): the score, how many items rank at or above it, and how many of those are positive.
    /// </summary>
    public static IEnumerable<(double Score, int Ranked, int TruePositives)> Cutoffs(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ToArray();
        var truePositives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 < order.Length && scores[order[i1]] == scores[order[i0]])
            {
                truePositives += labels[order[i1]] ? 1 : 0;
                i1++;
            }

            yield return (scores[order[i0]], i1, truePositives);
            i0 = i1;
        }
    }

    /// <summary>
    /// Adds 95% intervals for ROC-AUC and PR-AUC by resampling letters (clusters) with replacement, so
    /// items of one letter stay together as they do in the folds.
    /// </summary>
    public BinaryMetrics WithBootstrap(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, IReadOnlyList<string> letterIds, int resamples = 1000, int seed = 1)
    {
        var clusters = Enumerable.Range(0, letterIds.Count).GroupBy(i => letterIds[i]).Select(g => g.ToArray()).ToArray();
        var random = new Random(seed);
        var aucs = new List<double>(resamples);
        var aps = new List<double>(resamples);
        var p = new List<double>();
        var y = new List<bool>();
        for (var r = 0; r < resamples; r++)
        {
            p.Clear();
            y.Clear();
            for (var c = 0; c < clusters.Length; c++)
            {
                foreach (var i in clusters[random.Next(clusters.Length)])
                {
                    p.Add(probabilities[i]);
                    y.Add(labels[i]);
                }
            }

            var auc = RocAucOf(p, y);
            if (!double.IsNaN(auc))
            {
                aucs.Add(auc);
                aps.Add(AveragePrecision(p, y));
            }
        }

        return aucs.Count < 10
            ? this
            : this with { RocAucInterval = Interval.Of(aucs), PrAucInterval = Interval.Of(aps) };
    }

    private static double TopRecall(IReadOnlyList<double> scores, IReadOnlyList<bool> labels, double share)
    {
        var positives = labels.Count(l => l);
        if (positives == 0)
        {
            return double.NaN;
        }

        // Stable order by descending score, then by position, so ties do not favour either class by accident.
        var take = (int)Math.Ceiling(share * scores.Count);
        var top = Enumerable.Range(0, scores.Count).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(take);
        return (double)top.Count(i => labels[i]) / positives;
    }

    private static (IReadOnlyList<ReliabilityBin> Bins, double Ece) Calibration(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels)
    {
        const int binCount = 10;
        var counts = new int[binCount];
        var sums = new double[binCount];
        var hits = new int[binCount];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var bin = Math.Min(binCount - 1, (int)(probabilities[i] * binCount));
            counts[bin]++;
            sums[bin] += probabilities[i];
            hits[bin] += labels[i] ? 1 : 0;
        }

        var bins = new List<ReliabilityBin>();
        double ece = 0;
        for (var b = 0; b < binCount; b++)
        {
            if (counts[b] == 0)
            {
                continue;
            }

            var mean = sums[b] / counts[b];
            var observed = (double)hits[b] / counts[b];
            ece += (double)counts[b] / probabilities.Count * Math.Abs(mean - observed);
            bins.Add(new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, counts[b], mean, observed));
        }

        return (bins, probabilities.Count == 0 ? double.NaN : ece);
    }

    private sealed class ConstantList(double value, int count) : IReadOnlyList<double>
    {
        public double this[int index] => value;

        public int Count => count;

        public IEnumerator<double> GetEnumerator() => Enumerable.Repeat(value, count).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static double F1(double precision, double recall) => precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
}
