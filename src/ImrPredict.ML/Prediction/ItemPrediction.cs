using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Prediction;

/// <summary>One item's prediction.</summary>
/// <param name="POverturned">Calibrated probability of Overturned.</param>
/// <param name="Decision">Overturned when the probability is at least the bundle's threshold.</param>
/// <param name="Contributions">The strongest contributions, when asked for.</param>
public sealed record ItemPrediction(double POverturned, Decision Decision, IReadOnlyList<FeatureContribution> Contributions);
