namespace ImrPredict.ML.Prediction;

/// <summary>How much one feature moved an item's score toward Overturned (positive) or Upheld (negative).</summary>
/// <param name="Feature">The feature in words (<c>summary: "urine drug"</c>).</param>
/// <param name="Weight">Its contribution to the score.</param>
public sealed record FeatureContribution(string Feature, double Weight)
{
    /// <summary>The input the feature reads.</summary>
    public FeatureSource Source { get; init; } = FeatureSource.Other;

    /// <summary>The n-gram's words (or letters), or the category or number's name.</summary>
    public string Words { get; init; } = string.Empty;

    /// <summary>
    /// The feature's value for this item: an n-gram's count (0: the words do not occur, and their absence is what
    /// counted), 1 or 0 for a category, the number itself.
    /// </summary>
    public double Value { get; init; }
}
