namespace ImrPredict.ML.Training.Retraining;

/// <summary>What a retraining run decided.</summary>
public enum RetrainDecision
{
    /// <summary>The challenger passed the gate: refit on all rows and publish it.</summary>
    Promote,

    /// <summary>The champion's calibration drifted and refitting only its calibrator on the recent period is enough.</summary>
    Recalibrate,

    /// <summary>The champion keeps serving.</summary>
    Keep,
}
