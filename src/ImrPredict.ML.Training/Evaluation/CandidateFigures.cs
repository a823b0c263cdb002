namespace ImrPredict.ML.Training.Evaluation;

/// <summary>One candidate's figures over the repeats of a grouped cross-validation, overall or for one category.</summary>
/// <param name="Name">The candidate.</param>
/// <param name="Items">Items scored.</param>
/// <param name="Overturned">How many of them were overturned: what the figures rest on.</param>
/// <param name="RocAuc">ROC-AUC.</param>
/// <param name="PrAuc">Average precision.</param>
/// <param name="Top10Recall">Share of the overturned items ranked in the top 10%.</param>
/// <param name="Brier">Brier score.</param>
/// <param name="Ece">Expected calibration error (10 bins).</param>
/// <param name="RocAucPerRepeat">ROC-AUC of each repeat, for the spread a single split would hide.</param>
public sealed record CandidateFigures(string Name, int Items, int Overturned, FigureWithInterval RocAuc, FigureWithInterval PrAuc, FigureWithInterval Top10Recall,
    FigureWithInterval Brier, FigureWithInterval Ece, IReadOnlyList<double> RocAucPerRepeat);
