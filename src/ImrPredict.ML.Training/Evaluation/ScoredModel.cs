namespace ImrPredict.ML.Evaluation;

/// <summary>A named set of metrics for the report (the model or a baseline).</summary>
/// <param name="Name">What was scored.</param>
/// <param name="Metrics">Its metrics.</param>
/// <param name="Probabilities">Its probabilities, for the plots.</param>
public sealed record ScoredModel(string Name, BinaryMetrics Metrics, double[] Probabilities);
