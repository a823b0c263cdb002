namespace ImrPredict.Search.Evaluation;

/// <summary>One search mode's figures over real letters, each with a 95% interval from resampling letters.</summary>
/// <param name="Mode">lexical, semantic or hybrid.</param>
/// <param name="Top5SameCategory">Share of the top-5 hits (search by case, own letter left out) in the item's category.</param>
/// <param name="Top5SameCriterion">Share of the top-5 hits sharing a criterion status with the item's rationale, over items whose rationale has one.</param>
/// <param name="AgreementAuc">ROC-AUC of the top-10's overturned share as a predictor of the item's decision.</param>
/// <param name="ParaphraseRecallAt5">Share of the paraphrase queries whose precedent is in the top 5.</param>
/// <param name="MedianMilliseconds">Median time of one search by case, embedding the query included.</param>
public sealed record ModeFigures(string Mode, Estimate Top5SameCategory, Estimate Top5SameCriterion, Estimate AgreementAuc, Estimate ParaphraseRecallAt5, double MedianMilliseconds);
