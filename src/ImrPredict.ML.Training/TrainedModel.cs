using ImrPredict.ML.Bundles;
using ImrPredict.ML.Evaluation;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>A fitted model with its threshold and validation evidence.</summary>
public sealed record TrainedModel(
    ITransformer Model,
    DataViewSchema InputSchema,
    ThresholdChoice Threshold,
    OutOfFold Validation,
    BinaryMetrics ValidationMetrics,
    BinaryMetrics? LogisticMetrics,
    BinaryMetrics ConstantMetrics,
    int Rows,
    int Overturned,
    string DataFingerprint);
