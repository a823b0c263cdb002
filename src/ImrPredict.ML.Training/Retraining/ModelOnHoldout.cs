using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>One model scored on the held-out period.</summary>
/// <param name="Name">Champion, challenger, or champion recalibrated.</param>
/// <param name="Version">Its bundle version, when it has one.</param>
/// <param name="Probabilities">Its served probabilities on the held-out items.</param>
/// <param name="Labels">The items' labels, in the same order.</param>
/// <param name="Metrics">Its metrics at its own threshold.</param>
public sealed record ModelOnHoldout(string Name, string? Version, double[] Probabilities, bool[] Labels, BinaryMetrics Metrics)
{
    /// <summary>Bootstrap intervals over letters.</summary>
    public MetricIntervals? Intervals { get; init; }
}
