namespace ImrPredict.ML.Evaluation;

/// <summary>A 95% interval from a bootstrap over letters.</summary>
/// <param name="Lower">2.5th percentile.</param>
/// <param name="Upper">97.5th percentile.</param>
public sealed record Interval(double Lower, double Upper)
{
    /// <summary>The 2.5th and 97.5th percentiles of bootstrap values (NaN values left out; NaN bounds when none remain).</summary>
    public static Interval Of(IEnumerable<double> values)
    {
        var sorted = values.Where(v => !double.IsNaN(v)).Order().ToList();
        return sorted.Count == 0
            ? new Interval(double.NaN, double.NaN)
            : new Interval(sorted[(int)(0.025 * (sorted.Count - 1))], sorted[(int)Math.Ceiling(0.975 * (sorted.Count - 1))]);
    }
}
