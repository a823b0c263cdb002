using Microsoft.ML;

namespace ImrPredict.ML.Training.Evaluation;

/// <summary>A model fitted in every training fold of a cross-validation, side by side with the others.</summary>
/// <param name="Name">What a reader calls it ("FastTree, criteria and words").</param>
/// <param name="Build">The pipeline, featurization included: every fitted step sees the training folds only.</param>
/// <param name="ExtraTraining">Rows added to every training fold (generated letters, never scored); none when null.</param>
public sealed record CandidateModel(string Name, Func<MLContext, IEstimator<ITransformer>> Build, IReadOnlyList<Data.ItemRow>? ExtraTraining = null);
