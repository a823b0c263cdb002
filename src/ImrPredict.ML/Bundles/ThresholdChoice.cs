namespace ImrPredict.ML.Bundles;

/// <summary>The decision threshold and what it gives on the validation folds.</summary>
/// <param name="Value">Overturned when the probability is at least this.</param>
/// <param name="Precision">Precision for Overturned on the validation folds.</param>
/// <param name="Recall">Recall for Overturned on the validation folds.</param>
/// <param name="F1">F1 for Overturned on the validation folds.</param>
/// <param name="ChosenOn">How it was chosen.</param>
public sealed record ThresholdChoice(double Value, double Precision, double Recall, double F1, string ChosenOn);
