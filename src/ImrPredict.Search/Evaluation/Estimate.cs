using System.Globalization;

namespace ImrPredict.Search.Evaluation;

/// <summary>A figure and its 95% bootstrap interval.</summary>
/// <param name="Value">The figure on all the data.</param>
/// <param name="Low">2.5th percentile of the resampled figures.</param>
/// <param name="High">97.5th percentile.</param>
public sealed record Estimate(double Value, double Low, double High)
{
    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Value:F3} [{Low:F3}, {High:F3}]");
}
