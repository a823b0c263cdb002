namespace ImrPredict.Core.Statistics;

/// <summary>Rank statistics shared by the model evaluation and the search evaluation.</summary>
public static class RankStatistics
{
    /// <summary>
    /// ROC-AUC by the rank-sum (Mann-Whitney) statistic, ties counted half: the chance that a random positive
    /// scores above a random negative. NaN when either class is missing. O(n log n).
    /// </summary>
    /// <param name="scores">One score per example; higher means more likely positive.</param>
    /// <param name="labels">One label per example, in the same order.</param>
    public static double RocAuc(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Count != labels.Count)
        {
            throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels", nameof(labels));
        }

        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        double positiveRankSum = 0;
        long positives = 0;
        var i0 = 0;
        while (i0 < order.Length)
        {
            var i1 = i0;
            while (i1 < order.Length && scores[order[i1]] == scores[order[i0]])
            {
                i1++;
            }

            var averageRank = (i0 + 1 + i1) / 2.0;
            for (var k = i0; k < i1; k++)
            {
                if (labels[order[k]])
                {
                    positiveRankSum += averageRank;
                    positives++;
                }
            }

            i0 = i1;
        }

        var negatives = scores.Count - positives;
        return positives == 0 || negatives == 0
            ? double.NaN
            : (positiveRankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
