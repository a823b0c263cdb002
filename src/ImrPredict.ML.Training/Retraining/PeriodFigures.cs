using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>What one period of decisions looked like, and how well a model's probabilities held there.</summary>
/// <param name="Period">The period (e.g. <c>2016-Q4</c>, <c>2014</c>).</param>
/// <param name="Items">Items decided in it.</param>
/// <param name="Overturned">Of them, overturned.</param>
/// <param name="MeanPredicted">The model's mean probability of Overturned there.</param>
/// <param name="Ece">The model's expected calibration error there.</param>
/// <param name="RocAuc">The model's ROC-AUC there (NaN with one label).</param>
/// <param name="CategoryMix">Share of items per category, largest first.</param>
/// <param name="Seen">Whether the model trained on decisions of this period.</param>
public sealed record PeriodFigures(string Period, int Items, int Overturned, double MeanPredicted, double Ece, double RocAuc,
    IReadOnlyList<(string Category, double Share)> CategoryMix, bool Seen)
{
    /// <summary>The period's overturn rate.</summary>
    public double OverturnRate => Items == 0 ? double.NaN : (double)Overturned / Items;

    /// <summary>Figures of items grouped into periods, in period order.</summary>
    public static IReadOnlyList<PeriodFigures> Of(IReadOnlyList<string> periods, IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities,
        IReadOnlyList<string> categories, Func<string, bool> seen) =>
        Enumerable.Range(0, periods.Count).GroupBy(i => periods[i]).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var p = g.Select(i => probabilities[i]).ToArray();
            var y = g.Select(i => labels[i]).ToArray();
            var metrics = BinaryMetrics.Compute(p, y, 0.5);
            var mix = g.GroupBy(i => categories[i]).Select(c => (c.Key, (double)c.Count() / p.Length)).OrderByDescending(c => c.Item2).ToList();
            return new PeriodFigures(g.Key, p.Length, y.Count(l => l), p.Average(), metrics.Ece, metrics.RocAuc, mix, seen(g.Key));
        }).ToList();

    /// <summary>The quarter of a date, as <c>2016-Q4</c>.</summary>
    public static string QuarterOf(DateOnly date) => $"{date.Year}-Q{(date.Month - 1) / 3 + 1}";
}
