using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Bundles;

/// <summary>Validation metrics of the model and its baselines on the same grouped folds.</summary>
/// <param name="Model">The FastTree model.</param>
/// <param name="LogisticRegression">The logistic-regression baseline, when run.</param>
/// <param name="AlwaysUpheld">The always-Upheld baseline.</param>
public sealed record ValidationMetrics(BinaryMetrics Model, BinaryMetrics? LogisticRegression, BinaryMetrics AlwaysUpheld);
