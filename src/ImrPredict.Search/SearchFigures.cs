namespace ImrPredict.Search;

/// <summary>Leave-one-letter-out figures of one search profile.</summary>
/// <param name="Items">Items queried.</param>
/// <param name="Top5SameCategory">Mean share of the top-5 hits with the item's category.</param>
/// <param name="AgreementAuc">ROC-AUC of the overturned share among the top-10 hits as a predictor of the item's decision.</param>
/// <param name="MeanHits">Mean hits returned (of 10).</param>
public sealed record SearchFigures(int Items, double Top5SameCategory, double AgreementAuc, double MeanHits);
