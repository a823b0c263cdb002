namespace ImrPredict.ML.Tests;

public class MetricsTests
{
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8];
    private static readonly bool[] Labels = [false, false, true, true];

    [Fact]
    public void Roc_auc_counts_ordered_pairs_and_half_ties()
    {
        Assert.Equal(0.75, BinaryMetrics.RocAucOf(Scores, Labels), 10);
        Assert.Equal(0.5, BinaryMetrics.RocAucOf([0.3, 0.3, 0.3, 0.3], Labels), 10);
        Assert.Equal(1.0, BinaryMetrics.RocAucOf([0.1, 0.2, 0.8, 0.9], Labels), 10);
        Assert.True(double.IsNaN(BinaryMetrics.RocAucOf([0.1, 0.2], [false, false])));
    }

    [Fact]
    public void Average_precision_matches_a_hand_computation()
    {
        // Ranked: 0.8 (T), 0.4 (F), 0.35 (T), 0.1 (F): precision at the hits 1/1 and 2/3.
        Assert.Equal((1.0 + 2.0 / 3.0) / 2, BinaryMetrics.AveragePrecision(Scores, Labels), 10);
    }

    [Fact]
    public void Threshold_metrics_log_loss_brier_and_calibration()
    {
        var metrics = BinaryMetrics.Compute(Scores, Labels, threshold: 0.38);

        Assert.Equal(4, metrics.N);
        Assert.Equal(2, metrics.Positives);
        Assert.Equal(0.5, metrics.Precision, 10);
        Assert.Equal(0.5, metrics.Recall, 10);
        Assert.Equal(0.5, metrics.BalancedAccuracy, 10);
        var expectedLogLoss = -(Math.Log(0.9) + Math.Log(0.6) + Math.Log(0.35) + Math.Log(0.8)) / 4;
        Assert.Equal(expectedLogLoss, metrics.LogLoss, 10);
        Assert.Equal((0.01 + 0.16 + 0.4225 + 0.04) / 4, metrics.Brier, 10);
        Assert.Equal(1.0, metrics.Top20Recall * 2, 10);
        Assert.Equal(4, metrics.Reliability.Sum(b => b.Count));
        Assert.InRange(metrics.Ece, 0, 1);
    }

    [Fact]
    public void Best_f1_threshold_and_bootstrap_interval()
    {
        var (threshold, precision, recall, f1) = BinaryMetrics.BestF1Threshold(Scores, Labels);
        Assert.Equal(0.35, threshold);
        Assert.Equal(2.0 / 3.0, precision, 10);
        Assert.Equal(1.0, recall);
        Assert.Equal(0.8, f1, 10);

        var random = new Random(3);
        var labels = Enumerable.Range(0, 400).Select(i => i % 5 == 0).ToArray();
        var scores = labels.Select(l => (l ? 0.6 : 0.4) + random.NextDouble() * 0.5 - 0.25).ToArray();
        var groups = Enumerable.Range(0, 400).Select(i => $"L{i / 2}").ToArray();
        var metrics = BinaryMetrics.Compute(scores, labels, 0.5).WithBootstrap(scores, labels, groups, resamples: 300);
        Assert.NotNull(metrics.RocAucInterval);
        Assert.InRange(metrics.RocAuc, metrics.RocAucInterval.Lower, metrics.RocAucInterval.Upper);
        Assert.True(metrics.RocAucInterval.Upper - metrics.RocAucInterval.Lower < 0.2);
    }
}
