using ImrPredict.ML.Bundles;
using ImrPredict.ML.Prediction;
using ImrPredict.Search;

namespace ImrPredict.Application.Models;

/// <summary>What is being served: a predictor and, when the bundle has one, its precedent index.</summary>
/// <param name="Predictor">The thread-safe predictor.</param>
/// <param name="Precedents">The bundle's precedent index, when present.</param>
public sealed record ServingModel(ItemPredictor Predictor, PrecedentIndex? Precedents)
{
    /// <summary>The bundle's manifest.</summary>
    public ModelManifest Manifest => Predictor.Bundle.Manifest;
}
