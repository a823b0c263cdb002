namespace ImrPredict.Synthetic;

/// <summary>What <see cref="CorpusWriter.Write"/> produced.</summary>
/// <param name="Letters">Letters written.</param>
/// <param name="Items">Items across them.</param>
/// <param name="Overturned">Items labelled Overturned.</param>
/// <param name="MeanProbability">Mean true probability of Overturned.</param>
public sealed record CorpusSummary(long Letters, long Items, long Overturned, double MeanProbability);
