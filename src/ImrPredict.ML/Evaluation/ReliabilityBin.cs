namespace ImrPredict.ML.Evaluation;

/// <summary>One bin of a reliability table.</summary>
/// <param name="Lower">Lower edge of the predicted-probability bin.</param>
/// <param name="Upper">Upper edge.</param>
/// <param name="Count">Items in the bin.</param>
/// <param name="MeanPredicted">Mean predicted probability in the bin.</param>
/// <param name="ObservedRate">Share of Overturned in the bin.</param>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double MeanPredicted, double ObservedRate);
