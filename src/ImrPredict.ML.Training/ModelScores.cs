using ImrPredict.ML.Calibration;
using ImrPredict.ML.Data;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>Raw and served probabilities of a model on rows, as a bundle with that calibration would serve them.</summary>
public static class ModelScores
{
    /// <summary>The raw model probabilities, in row order.</summary>
    public static double[] Raw(MLContext ml, ITransformer model, IReadOnlyList<ItemRow> rows) =>
        rows.Count == 0 ? [] : CrossValidator.Probabilities(ml, model.Transform(ml.Data.LoadFromEnumerable(rows)));

    /// <summary>The served probabilities: raw through the calibration (none: raw).</summary>
    public static double[] Served(double[] raw, ProbabilityCalibration? calibration) =>
        calibration is null ? (double[])raw.Clone() : raw.Select(calibration.Apply).ToArray();
}
