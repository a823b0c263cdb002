using ImrPredict.ML.Evaluation;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>95% bootstrap intervals (resampling letters) of the metrics the promotion gate and its report read.</summary>
/// <param name="RocAuc">ROC-AUC.</param>
/// <param name="PrAuc">PR-AUC for Overturned.</param>
/// <param name="LogLoss">Log-loss.</param>
/// <param name="Ece">Expected calibration error.</param>
/// <param name="Top10Recall">Share of overturned items in the top 10%.</param>
public sealed record MetricIntervals(Interval RocAuc, Interval PrAuc, Interval LogLoss, Interval Ece, Interval Top10Recall);
