using Microsoft.ML.Data;

namespace ImrPredict.ML.Data;

/// <summary>What the model outputs for one item.</summary>
public sealed class ItemScore
{
    /// <summary>The predicted label at the trainer's default threshold (unused: the bundle's threshold decides).</summary>
    [ColumnName("PredictedLabel")]
    public bool PredictedLabel { get; set; }

    /// <summary>The raw margin.</summary>
    public float Score { get; set; }

    /// <summary>The calibrated probability of Overturned.</summary>
    public float Probability { get; set; }
}
