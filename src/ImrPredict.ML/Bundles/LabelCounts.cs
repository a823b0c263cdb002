namespace ImrPredict.ML.Bundles;

/// <summary>Item counts by label.</summary>
/// <param name="Upheld">Upheld items.</param>
/// <param name="Overturned">Overturned items.</param>
public sealed record LabelCounts(int Upheld, int Overturned);
