namespace ImrPredict.ML.Calibration;

/// <summary>
/// The map from the model's raw probability to the probability a bundle serves, fitted on scores the model did not
/// train on (out-of-fold, or a recent period). ML.NET's own Platt step inside FastTree is fitted on the training rows
/// themselves, so trees that fit those rows closely make it overconfident; this step corrects that. It is monotone, so
/// rankings (ROC-AUC, top-10% recall) keep their order up to ties at the ends.
/// </summary>
public sealed record ProbabilityCalibration
{
    /// <summary>Isotonic or Platt.</summary>
    public required CalibrationMethod Method { get; init; }

    /// <summary>Isotonic: the raw probabilities of the knots, ascending.</summary>
    public IReadOnlyList<double> KnotScores { get; init; } = [];

    /// <summary>Isotonic: the calibrated probability at each knot (non-decreasing), already shrunk toward the base rate.</summary>
    public IReadOnlyList<double> KnotRates { get; init; } = [];

    /// <summary>Platt: slope on the logit of the raw probability.</summary>
    public double Slope { get; init; } = 1;

    /// <summary>Platt: intercept.</summary>
    public double Intercept { get; init; }

    /// <summary>The overturn rate of the items it was fitted on.</summary>
    public required double BaseRate { get; init; }

    /// <summary>
    /// The weight of <see cref="BaseRate"/> in the served probability (0 = none): with few positives a curve learned from
    /// them is noisy, and the base rate is the honest fallback.
    /// </summary>
    public double Shrinkage { get; init; }

    /// <summary>Items the calibrator was fitted on.</summary>
    public required int Items { get; init; }

    /// <summary>Overturned items among them.</summary>
    public required int Positives { get; init; }

    /// <summary>What it was fitted on, for the manifest and report (e.g. "5-fold out-of-fold scores of the training items").</summary>
    public required string FittedOn { get; init; }

    /// <summary>The served probability for a raw model probability.</summary>
    public double Apply(double raw)
    {
        if (double.IsNaN(raw))
        {
            return raw;
        }

        var curve = Method == CalibrationMethod.Isotonic ? Interpolate(raw) : Logistic(Slope * Logit(raw) + Intercept);
        return Math.Clamp((1 - Shrinkage) * curve + Shrinkage * BaseRate, 0, 1);
    }

    /// <summary>Applies <see cref="Apply"/> to every value, in place.</summary>
    public void ApplyInPlace(double[] probabilities)
    {
        for (var i = 0; i < probabilities.Length; i++)
        {
            probabilities[i] = Apply(probabilities[i]);
        }
    }

    /// <summary>The logit, with the probability clipped so 0 and 1 stay finite.</summary>
    public static double Logit(double p)
    {
        p = Math.Clamp(p, 1e-6, 1 - 1e-6);
        return Math.Log(p / (1 - p));
    }

    /// <summary>The logistic function.</summary>
    public static double Logistic(double z) => 1 / (1 + Math.Exp(-z));

    private double Interpolate(double raw)
    {
        var xs = KnotScores;
        var ys = KnotRates;
        if (xs.Count == 0)
        {
            return BaseRate;
        }

        if (raw <= xs[0])
        {
            return ys[0];
        }

        if (raw >= xs[^1])
        {
            return ys[^1];
        }

        int lo = 0, hi = xs.Count - 1;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (xs[mid] <= raw)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        var span = xs[hi] - xs[lo];
        return span <= 0 ? ys[hi] : ys[lo] + (ys[hi] - ys[lo]) * (raw - xs[lo]) / span;
    }
}
