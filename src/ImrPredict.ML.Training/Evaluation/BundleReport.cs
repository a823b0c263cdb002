using ImrPredict.ML.Calibration;
using ImrPredict.ML.Training;

namespace ImrPredict.ML.Evaluation;

/// <summary>The validation report a bundle carries (report.md, ROC, PR and calibration plots), from its out-of-fold scores.</summary>
public static class BundleReport
{
    /// <summary>Writes the report of <paramref name="trained"/> into the bundle folder being made.</summary>
    public static void Write(string folder, string version, int folds, TrainedModel trained, double? oracleAuc)
    {
        var oof = trained.Validation;
        var models = new List<ScoredModel>
        {
            new("FastTree, calibrated", trained.ValidationMetrics, oof.Model),
            new("FastTree, raw", trained.RawValidationMetrics, oof.Model),
        };
        if (trained.LogisticMetrics is not null)
        {
            models.Add(new ScoredModel("logistic regression", trained.LogisticMetrics, oof.Logistic!));
        }

        models.Add(new ScoredModel("always Upheld", trained.ConstantMetrics, oof.Constant));
        EvaluationReport.Write(folder, $"Model bundle {version}: validation", [
            $"{folds}-fold cross-validation grouped by letter on the training data (out-of-fold probabilities); thresholds cross-fitted on the other folds.",
            $"Bundle threshold {trained.Threshold.Value:F3}: {trained.Threshold.ChosenOn}.",
            CalibrationNote(trained.Calibration),
            EvaluationReport.CalibrationMethodNote,
        ], models, oof.Labels, oracleAuc);
    }

    /// <summary>One line saying how the served probabilities are calibrated.</summary>
    public static string CalibrationNote(ProbabilityCalibration calibration) =>
        calibration.Method == CalibrationMethod.Isotonic
            ? $"Calibration: isotonic ({calibration.KnotScores.Count} steps, each shrunk toward the base rate {calibration.BaseRate:F3}), fitted on {calibration.FittedOn} ({calibration.Positives:N0} overturned)."
            : $"Calibration: Platt (slope {calibration.Slope:F3}, intercept {calibration.Intercept:F3}) with weight {calibration.Shrinkage:F2} on the base rate {calibration.BaseRate:F3} ({calibration.Positives:N0} overturned are too few for isotonic steps), fitted on {calibration.FittedOn}.";
}
