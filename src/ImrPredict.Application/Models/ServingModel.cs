using ImrPredict.ML.Bundles;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Application.Models;

/// <summary>What is being served: a bundle's predictor. Precedents are not part of a bundle: they are the store's (see <c>PrecedentView</c>).</summary>
/// <param name="Predictor">The thread-safe predictor.</param>
/// <param name="Promotion">When and why the bundle was published as the serving one; null for a bundle written in place.</param>
public sealed record ServingModel(ItemPredictor Predictor, BundlePromotion? Promotion = null)
{
    /// <summary>When this replica loaded the bundle.</summary>
    public DateTimeOffset LoadedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The bundle's manifest.</summary>
    public ModelManifest Manifest => Predictor.Bundle.Manifest;
}
