namespace ImrPredict.ML.Training.Evaluation;

/// <summary>A figure averaged over cross-validation repeats, with a 95% bootstrap interval over letters.</summary>
/// <param name="Value">The mean over repeats.</param>
/// <param name="Lower">2.5th percentile of the bootstrap.</param>
/// <param name="Upper">97.5th percentile of the bootstrap.</param>
public sealed record FigureWithInterval(double Value, double Lower, double Upper)
{
    /// <summary>The figure as "0.725 [0.616, 0.818]".</summary>
    public string Format(string format = "F3") =>
        double.IsNaN(Value) ? "n/a" : $"{Value.ToString(format, System.Globalization.CultureInfo.InvariantCulture)} [{Lower.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}, {Upper.ToString(format, System.Globalization.CultureInfo.InvariantCulture)}]";
}
