using ImrPredict.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Transforms.Text;

namespace ImrPredict.ML.Training.Evaluation;

/// <summary>
/// The models <c>imr evaluate --cv</c> fits side by side on letters: the model (FastTree on criteria, words and the item),
/// the bag-of-words FastTree of earlier bundles, TF-IDF with logistic regression, and ML.NET's other trainers on the
/// model's own features.
/// </summary>
public static class LetterCandidates
{
    /// <summary>The model's name in reports.</summary>
    public const string Model = "FastTree: criteria, summary words, item";

    /// <summary>
    /// The default bundle's recipe (criteria, item and numbers) fitted on the training folds together with
    /// <paramref name="generated"/> rows of generated letters: whether what the generator encodes helps on real letters.
    /// </summary>
    public static CandidateModel WithGenerated(IReadOnlyList<ItemRow> generated, int letters) =>
        new($"FastTree: criteria and item, + {letters:N0} generated letters", ml => ImrPipeline.Build(ml, PipelineOptions.ForGeneratedCorpus(generated.Count)), generated);

    /// <summary>Every candidate, the model first.</summary>
    public static IReadOnlyList<CandidateModel> All(PipelineOptions options) =>
    [
        new(Model, ml => ImrPipeline.Build(ml, options)),
        new("FastTree: criteria and item, no summary words", ml => ImrPipeline.Build(ml, options with { SummaryText = false })),
        new("FastTree: bag of words (bundles before criteria)", ml => ImrPipeline.Build(ml, options with { CriteriaFeatures = false })),
        new("TF-IDF + logistic regression", ml => TfIdfLogistic(ml)),
        new("logistic regression: the model's features", ml => ImrPipeline.BuildLogisticBaseline(ml, options)),
        new("FastForest: the model's features", ml => ImrPipeline.Featurizer(ml, options).Append(ml.BinaryClassification.Trainers.FastForest(
            new Microsoft.ML.Trainers.FastTree.FastForestBinaryTrainer.Options
            {
                LabelColumnName = nameof(ItemRow.Label),
                FeatureColumnName = ImrPipeline.FeaturesColumn,
                NumberOfTrees = 200,
                NumberOfLeaves = options.NumberOfLeaves,
                MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
                FeatureFraction = 0.5,
            })).Append(ml.BinaryClassification.Calibrators.Platt(nameof(ItemRow.Label)))),
    ];

    /// <summary>
    /// The common text classifier: summary and item as word 1-2-gram TF-IDF (English stop words removed, n-grams in fewer
    /// than two items dropped, L2-normalized), into L-BFGS logistic regression.
    /// </summary>
    public static IEstimator<ITransformer> TfIdfLogistic(MLContext ml) =>
        TfIdf(ml, "Summary", nameof(ItemRow.ClinicalSummary))
            .Append(TfIdf(ml, "Item", nameof(ItemRow.RequestedItem)))
            .Append(ml.Transforms.Concatenate("TfIdf", "SummaryTfIdf", "ItemTfIdf"))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(ItemRow.Label), "TfIdf", l2Regularization: 0.01f, l1Regularization: 0f));

    private static IEstimator<ITransformer> TfIdf(MLContext ml, string name, string column) =>
        ml.Transforms.Text.NormalizeText(name + "Normalized", column, TextNormalizingEstimator.CaseMode.Lower, keepDiacritics: false, keepPunctuations: false, keepNumbers: false)
            .Append(ml.Transforms.Text.TokenizeIntoWords(name + "Tokens", name + "Normalized"))
            .Append(ml.Transforms.Text.RemoveDefaultStopWords(name + "Words", name + "Tokens"))
            .Append(ml.Transforms.Conversion.MapValueToKey(name + "Keys", name + "Words"))
            .Append(ml.Transforms.Text.ProduceNgrams(name + "Counts", name + "Keys", ngramLength: 2, useAllLengths: true, weighting: NgramExtractingEstimator.WeightingCriteria.TfIdf))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(name + "Frequent", name + "Counts", 2))
            .Append(ml.Transforms.NormalizeLpNorm(name + "TfIdf", name + "Frequent"));
}
