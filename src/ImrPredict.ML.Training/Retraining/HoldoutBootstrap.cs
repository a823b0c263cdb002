using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>
/// Bootstrap over letters of several models scored on the same held-out items: each resample draws letters with
/// replacement and scores every model on the same draw, so the interval of a difference is paired.
/// </summary>
public static class HoldoutBootstrap
{
    /// <summary>Per model, the intervals of its metrics; and for the last model against the first, the intervals of the differences.</summary>
    /// <param name="probabilities">Each model's probabilities on the held-out items.</param>
    /// <param name="labels">True when overturned.</param>
    /// <param name="groups">The letter of each item.</param>
    /// <param name="resamples">Bootstrap resamples.</param>
    /// <param name="seed">Seed of the draws.</param>
    public static (IReadOnlyList<MetricIntervals> Models, MetricIntervals? LastMinusFirst) Run(
        IReadOnlyList<double[]> probabilities, bool[] labels, string[] groups, int resamples, int seed)
    {
        var clusters = Enumerable.Range(0, groups.Length).GroupBy(i => groups[i]).Select(g => g.ToArray()).ToArray();
        var random = new Random(seed);
        var samples = probabilities.Select(_ => new List<double[]>()).ToArray();
        var differences = new List<double[]>();
        var indexes = new List<int>();
        for (var r = 0; r < resamples; r++)
        {
            indexes.Clear();
            for (var c = 0; c < clusters.Length; c++)
            {
                indexes.AddRange(clusters[random.Next(clusters.Length)]);
            }

            var y = indexes.Select(i => labels[i]).ToArray();
            if (y.All(l => l) || !y.Any(l => l))
            {
                continue;
            }

            var values = probabilities.Select(p => Values(BinaryMetrics.Compute(indexes.Select(i => p[i]).ToArray(), y, 0.5))).ToArray();
            for (var m = 0; m < values.Length; m++)
            {
                samples[m].Add(values[m]);
            }

            differences.Add(values[^1].Zip(values[0], (a, b) => a - b).ToArray());
        }

        var models = samples.Select(Intervals).ToList();
        return (models, probabilities.Count > 1 && differences.Count > 0 ? Intervals(differences) : null);
    }

    private static double[] Values(BinaryMetrics m) => [m.RocAuc, m.PrAuc, m.LogLoss, m.Ece, m.Top10Recall];

    private static MetricIntervals Intervals(List<double[]> samples)
    {
        Interval Of(int k) => Interval.Of(samples.Select(s => s[k]));
        return new MetricIntervals(Of(0), Of(1), Of(2), Of(3), Of(4));
    }
}
