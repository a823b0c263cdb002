namespace ImrPredict.ML.Training.Retraining;

/// <summary>
/// Whether a model's probabilities have drifted on a period, told apart from the noise of a small period: the overturn
/// rate must differ from the mean probability by more than the margin and by more than two standard errors, or, on a
/// period large enough for its ECE to be stable, the ECE must exceed the model's validation ECE by more than the margin.
/// </summary>
public static class CalibrationDrift
{
    /// <summary>Items from which a period's ECE is trusted on its own (its noise is then well under the default margin).</summary>
    public const int StableEceItems = 2_000;

    /// <summary>The verdict for one period.</summary>
    public static bool Drifted(IReadOnlyList<double> probabilities, IReadOnlyList<bool> labels, double ece, double validationEce, double margin)
    {
        var n = labels.Count;
        if (n == 0)
        {
            return false;
        }

        var meanPredicted = probabilities.Average();
        var observed = labels.Count(l => l) / (double)n;
        var standardError = Math.Sqrt(Math.Max(meanPredicted * (1 - meanPredicted), 1e-6) / n);
        var inTheLarge = Math.Abs(observed - meanPredicted) > margin && Math.Abs(observed - meanPredicted) > 2 * standardError;
        return inTheLarge || (n >= StableEceItems && ece > validationEce + margin);
    }
}
