namespace ImrPredict.ML.Evaluation;

/// <summary>A named set of metrics for the report (the model or a baseline).</summary>
/// <param name="Name">What was scored.</param>
/// <param name="Metrics">Its metrics.</param>
/// <param name="Probabilities">Its probabilities, for the ROC and PR plots (the ranking; the calibration plot reads the metrics' reliability table).</param>
public sealed record ScoredModel(string Name, BinaryMetrics Metrics, double[] Probabilities);
