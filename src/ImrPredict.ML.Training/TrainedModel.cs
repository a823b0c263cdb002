using ImrPredict.ML.Bundles;
using ImrPredict.ML.Calibration;
using ImrPredict.ML.Evaluation;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>A fitted model with its calibration, threshold and validation evidence.</summary>
/// <param name="Model">The fitted pipeline (its probability is the raw one).</param>
/// <param name="InputSchema">The schema of the training rows.</param>
/// <param name="Threshold">The decision threshold on the calibrated probability.</param>
/// <param name="Validation">Out-of-fold raw probabilities of the model and its baselines.</param>
/// <param name="ValidationMetrics">Metrics of the calibrated out-of-fold probabilities (each fold calibrated by the other folds).</param>
/// <param name="RawValidationMetrics">Metrics of the raw out-of-fold probabilities, to show what calibration changed.</param>
/// <param name="LogisticMetrics">The logistic-regression baseline's metrics, when run.</param>
/// <param name="ConstantMetrics">The always-Upheld baseline's metrics.</param>
/// <param name="Calibration">The calibration the bundle serves with, fitted on all out-of-fold scores.</param>
/// <param name="CalibratedScores">The cross-fitted calibrated out-of-fold probabilities, in row order.</param>
/// <param name="CategorySupport">Training items per category.</param>
/// <param name="Rows">Training items.</param>
/// <param name="Overturned">Overturned training items.</param>
/// <param name="DataFingerprint">SHA-256 over the training rows.</param>
public sealed record TrainedModel(
    ITransformer Model,
    DataViewSchema InputSchema,
    ThresholdChoice Threshold,
    OutOfFold Validation,
    BinaryMetrics ValidationMetrics,
    BinaryMetrics RawValidationMetrics,
    BinaryMetrics? LogisticMetrics,
    BinaryMetrics ConstantMetrics,
    ProbabilityCalibration Calibration,
    double[] CalibratedScores,
    IReadOnlyList<CategorySupport> CategorySupport,
    int Rows,
    int Overturned,
    string DataFingerprint);
