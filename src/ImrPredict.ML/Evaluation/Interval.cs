namespace ImrPredict.ML.Evaluation;

/// <summary>A 95% interval from a bootstrap over letters.</summary>
/// <param name="Lower">2.5th percentile.</param>
/// <param name="Upper">97.5th percentile.</param>
public sealed record Interval(double Lower, double Upper);
