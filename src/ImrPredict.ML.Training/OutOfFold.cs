namespace ImrPredict.ML.Training;

/// <summary>Out-of-fold probabilities of the model and its two baselines on the same grouped folds.</summary>
public sealed record OutOfFold
{
    /// <summary>Labels, in row order.</summary>
    public required bool[] Labels { get; init; }

    /// <summary>Group (letter) of each row.</summary>
    public required string[] Groups { get; init; }

    /// <summary>Fold of each row.</summary>
    public required int[] Folds { get; init; }

    /// <summary>The model's probability of Overturned.</summary>
    public required double[] Model { get; init; }

    /// <summary>The logistic-regression baseline's probability, when run.</summary>
    public double[]? Logistic { get; init; }

    /// <summary>The always-Upheld baseline: one constant, the mean of the training folds' overturn rates.</summary>
    public required double[] Constant { get; init; }

    /// <summary>
    /// Per row, the decision threshold for its fold, chosen by best F1 on the other folds' out-of-fold
    /// probabilities, so no row's own label picks its threshold.
    /// </summary>
    public required double[] Thresholds { get; init; }
}
