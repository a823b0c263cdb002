namespace ImrPredict.ML.Calibration;

/// <summary>How a bundle maps the model's raw probability to the probability it serves.</summary>
public enum CalibrationMethod
{
    /// <summary>Pool-adjacent-violators on out-of-fold scores, interpolated between the pooled blocks.</summary>
    Isotonic,

    /// <summary>A logistic curve on the logit of the raw probability (Platt scaling), for few positives.</summary>
    Platt,
}
