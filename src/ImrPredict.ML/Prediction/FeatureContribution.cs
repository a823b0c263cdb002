namespace ImrPredict.ML.Prediction;

/// <summary>A feature that pushed an item's probability up (positive) or down (negative).</summary>
/// <param name="Feature">A readable name: a word or n-gram of the summary or item, a field, a category.</param>
/// <param name="Weight">Its contribution to the score, scaled so the largest is 1 in magnitude.</param>
public sealed record FeatureContribution(string Feature, double Weight);
