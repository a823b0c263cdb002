using ImrPredict.ML.Calibration;

namespace ImrPredict.ML.Training.Retraining;

/// <summary>The champion and a challenger (and, when the champion's calibration drifted, the champion recalibrated) on one held-out period.</summary>
/// <param name="Split">The training and held-out letters.</param>
/// <param name="Compared">
/// The held-out letters both models are scored on: those decided after the champion's training data (its manifest's
/// <c>TrainedThrough</c>), since a champion refitted on all rows has seen the rest and would look better than it is.
/// </param>
/// <param name="Challenger">The challenger trained on the training period.</param>
/// <param name="ChallengerScores">The challenger on the held-out period.</param>
/// <param name="Champion">The serving champion on the held-out period; null when none serves.</param>
/// <param name="Recalibrated">The champion with its calibrator refitted on the period just before the held-out one, when its calibration drifted.</param>
/// <param name="Difference">Paired bootstrap intervals of challenger minus champion.</param>
/// <param name="Gate">The promotion gate's checks of the challenger against the champion.</param>
/// <param name="Drifted">Whether the champion's held-out ECE exceeds its validation ECE by more than the drift margin.</param>
/// <param name="Decision">What the run decided.</param>
/// <param name="Because">Why, in one sentence.</param>
public sealed record RetrainComparison(
    TimeSplit Split,
    IReadOnlyList<ImrPredict.Core.Letters.ImrLetter> Compared,
    TrainedModel Challenger,
    ModelOnHoldout ChallengerScores,
    ModelOnHoldout? Champion,
    ModelOnHoldout? Recalibrated,
    MetricIntervals? Difference,
    IReadOnlyList<GateCheck> Gate,
    bool Drifted,
    RetrainDecision Decision,
    string Because)
{
    /// <summary>Whether the champion's manifest says what it trained on (its <c>TrainedThrough</c>).</summary>
    public bool ChampionTrainedThroughKnown { get; init; }

    /// <summary>The recalibration tried on the champion (fitted before the held-out period), when its calibration drifted.</summary>
    public ProbabilityCalibration? RecalibrationTried { get; init; }
}
