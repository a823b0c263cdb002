using ImrPredict.Core.Letters;
using ImrPredict.ML.Bundles;

namespace ImrPredict.ML.Prediction;

/// <summary>One item's prediction.</summary>
/// <param name="POverturned">Calibrated probability of Overturned.</param>
/// <param name="Decision">Overturned when the probability is at least the bundle's threshold.</param>
/// <param name="Contributions">The strongest contributions, when asked for.</param>
public sealed record ItemPrediction(double POverturned, Decision Decision, IReadOnlyList<FeatureContribution> Contributions)
{
    /// <summary>The training items of the item's category behind the prediction; null when the bundle does not record them.</summary>
    public CategorySupport? Support { get; init; }

    /// <summary>True when the category had too few training items for the probability to be trusted as much as others.</summary>
    public bool LowSupport { get; init; }
}
