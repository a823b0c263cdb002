using ImrPredict.Core.Letters;
using ImrPredict.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Transforms;
using Microsoft.ML.Transforms.Text;

namespace ImrPredict.ML.Training;

/// <summary>The letter-item pipeline: pure functions of an <see cref="MLContext"/> and options.</summary>
public static class ImrPipeline
{
    /// <summary>The column the trainers read.</summary>
    public const string FeaturesColumn = ModelColumns.Features;

    /// <summary>The derived numeric fields every letters bundle reads, in their slot order.</summary>
    private static readonly string[] LegacyNumericFields =
    [
        nameof(ItemRow.Quantity), nameof(ItemRow.Strength), nameof(ItemRow.Sessions), nameof(ItemRow.PartialAuthorization),
        nameof(ItemRow.DaysFromInjuryToUrDenial), nameof(ItemRow.ItemsInLetter),
    ];

    /// <summary>The feature blocks the model reads (recorded in the manifest).</summary>
    public static readonly string[] FeatureBlocks =
    [
        "ClinicalSummary: word 1-2-grams, L2-normalized, top slots by mutual information",
        "ClinicalSummary keyed by item category: word 1-2-grams, L2-normalized, top slots by mutual information within each category",
        "RequestedItem: word 1-2-grams and char n-grams, L2-normalized, top slots by mutual information",
        "ItemCategory: one-hot",
        "Criteria: one slot per criterion and status (documented, absent, unmentioned, cited by the earlier review) for the criteria of the item's category, from the summary and the request",
        "Quantity, Strength, Sessions, PartialAuthorization, DaysFromInjuryToUrDenial, ItemsInLetter, PainWithMedication, PainWithoutMedication, SessionsCompleted, ReliefPercent: value (0 if missing) and missing indicator",
    ];

    /// <summary>The feature blocks a model with <paramref name="options"/> reads (recorded in its manifest).</summary>
    public static IReadOnlyList<string> FeatureBlocksFor(PipelineOptions options) => FeatureBlocks
        .Where(b => options.SummaryText || !b.StartsWith("ClinicalSummary", StringComparison.Ordinal))
        .Where(b => options.CriteriaFeatures || !b.StartsWith("Criteria", StringComparison.Ordinal))
        .Select(b => !b.StartsWith("Quantity", StringComparison.Ordinal) ? b
            : string.Join(", ", new[] { "Quantity", "Strength", "Sessions", "PartialAuthorization" }
                .Concat(options.LetterFields ? ["DaysFromInjuryToUrDenial", "ItemsInLetter"] : [])
                .Concat(options.CriteriaFeatures ? CriteriaNumbers : [])) + ": value (0 if missing) and missing indicator")
        .ToList();

    /// <summary>The numbers the criteria use, read only when <see cref="PipelineOptions.CriteriaFeatures"/> is on.</summary>
    private static readonly string[] CriteriaNumbers =
        [nameof(ItemRow.PainWithMedication), nameof(ItemRow.PainWithoutMedication), nameof(ItemRow.SessionsCompleted), nameof(ItemRow.ReliefPercent)];

    /// <summary>Featurization shared by the model and its logistic-regression baseline.</summary>
    public static IEstimator<ITransformer> Featurizer(MLContext ml, PipelineOptions options)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        var blocks = new List<string>();
        if (options.SummaryText)
        {
            chain = chain.Append(TextBlock(ml, options, "Summary", nameof(ItemRow.ClinicalSummary), characters: false, options.SummarySlots)).Append(KeyedBlocks(ml, options));
            blocks.AddRange(["SummaryFeatures", .. KeyedCategories.Select(c => KeyedColumn(c) + "Features")]);
        }

        chain = chain
            .Append(TextBlock(ml, options, "Item", nameof(ItemRow.RequestedItem), characters: true, options.ItemSlots))
            .Append(ml.Transforms.Categorical.OneHotEncoding("CategoryFeatures", nameof(ItemRow.ItemCategory)));
        blocks.AddRange(["ItemFeatures", "CategoryFeatures"]);
        if (options.CriteriaFeatures)
        {
            // Every token is a criterion and status of the catalogue: all kept, no selection (there are about a hundred).
            chain = chain.Append(ml.Transforms.Text.ProduceWordBags("CriteriaFeatures", nameof(ItemRow.Criteria), ngramLength: 1, useAllLengths: false, weighting: NgramExtractingEstimator.WeightingCriteria.Tf));
            blocks.Add("CriteriaFeatures");
        }

        string[] shape = [nameof(ItemRow.DaysFromInjuryToUrDenial), nameof(ItemRow.ItemsInLetter)];
        var numbers = (options.CriteriaFeatures ? [.. LegacyNumericFields, .. CriteriaNumbers] : LegacyNumericFields)
            .Where(n => options.LetterFields || !shape.Contains(n)).ToArray();
        return chain
            .Append(ml.Transforms.Concatenate("NumericRaw", numbers))
            .Append(ml.Transforms.IndicateMissingValues("NumericMissingFlags", "NumericRaw"))
            .Append(ml.Transforms.Conversion.ConvertType("NumericMissing", "NumericMissingFlags", DataKind.Single))
            .Append(ml.Transforms.ReplaceMissingValues("Numeric", "NumericRaw", MissingValueReplacingEstimator.ReplacementMode.DefaultValue))
            .Append(ml.Transforms.Concatenate(FeaturesColumn, [.. blocks, "Numeric", "NumericMissing"]));
    }

    private static readonly string[] KeyedCategories = Enum.GetNames<ItemCategory>();

    private static string KeyedColumn(string category) => "Keyed" + category;

    /// <summary>
    /// The category-keyed summary, one block per category, each with its own slot budget chosen among that category's
    /// items. A single block ranked by mutual information over all items spends its slots on the common categories and on
    /// words that only say which category an item is ("nsaidxthe"): NSAIDs kept 35 of 4,000 slots, none of them a fact.
    /// </summary>
    private static IEstimator<ITransformer> KeyedBlocks(MLContext ml, PipelineOptions options)
    {
        IEstimator<ITransformer> chain = new EstimatorChain<ITransformer>();
        foreach (var category in KeyedCategories)
        {
            var column = KeyedColumn(category);

            // Other items get a constant word, so the column is never empty even when the category is absent.
            chain = chain
                .Append(ml.Transforms.Expression(column, $"(category, text) : category == \"{category}\" ? text : \"{AbsentWord}\"",
                    nameof(ItemRow.ItemCategory), nameof(ItemRow.CategorySummary)))
                .Append(new CategorySubsetEstimator(ml, category, MinimumCategoryRows,
                    TextBlock(ml, options, column, column, characters: false, options.KeyedSummarySlots)));
        }

        return chain;
    }

    /// <summary>The word that fills a category's keyed column for items of other categories.</summary>
    private const string AbsentWord = "keyedabsent";

    /// <summary>Fewer items of a category than this, and its keyed block is chosen over all items instead.</summary>
    private const int MinimumCategoryRows = 50;

    /// <summary>
    /// One text column to <c>{name}Features</c>: n-gram counts, n-grams seen in fewer than
    /// <see cref="PipelineOptions.MinimumNgramCount"/> items dropped (cheap, and it makes the mutual-information
    /// pass several times faster), then the most informative slots kept.
    /// </summary>
    private static IEstimator<ITransformer> TextBlock(MLContext ml, PipelineOptions options, string name, string column, bool characters, int slots) =>
        ml.Transforms.Text.FeaturizeText(name + "Text", TextOptions(options, characters), column)
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount(name + "Frequent", name + "Text", options.MinimumNgramCount))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation(name + "Features", name + "Frequent", nameof(ItemRow.Label), slots));

    /// <summary>The model: featurization then a FastTree binary classifier (the bundle's calibration is fitted afterwards, <see cref="ModelTrainer"/>).</summary>
    public static IEstimator<ITransformer> Build(MLContext ml, PipelineOptions options) =>
        Featurizer(ml, options).Append(ml.BinaryClassification.Trainers.FastTree(FastTreeOptions(options)));

    /// <summary>The baseline: the same features, min-max scaled, into L-BFGS logistic regression.</summary>
    public static IEstimator<ITransformer> BuildLogisticBaseline(MLContext ml, PipelineOptions options) =>
        Featurizer(ml, options)
            .Append(ml.Transforms.NormalizeMinMax(FeaturesColumn))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(ItemRow.Label), FeaturesColumn, l2Regularization: 1f, l1Regularization: 0.1f));

    /// <summary>The FastTree settings the options give.</summary>
    public static FastTreeBinaryTrainer.Options FastTreeOptions(PipelineOptions options) => new()
    {
        LabelColumnName = nameof(ItemRow.Label),
        FeatureColumnName = FeaturesColumn,
        NumberOfTrees = options.NumberOfTrees,
        NumberOfLeaves = options.NumberOfLeaves,
        MinimumExampleCountPerLeaf = options.MinimumExampleCountPerLeaf,
        LearningRate = options.LearningRate,
        Seed = options.Seed,
        FeatureFraction = options.FeatureFraction,
        CategoricalSplit = options.CategoricalSplit,
        Shrinkage = 1,
    };

    private static TextFeaturizingEstimator.Options TextOptions(PipelineOptions options, bool characters) => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        // No stop-word removal: the English list drops "no" and "not", and negation decides these cases ("no red flags").
        StopWordsRemoverOptions = null,
        WordFeatureExtractor = new WordBagEstimator.Options
        {
            NgramLength = options.WordNgramLength,
            UseAllLengths = true,
            MaximumNgramsCount = [.. Enumerable.Repeat(options.MaximumNgrams, options.WordNgramLength)],
        },
        CharFeatureExtractor = characters
            ? new WordBagEstimator.Options { NgramLength = options.CharNgramLength, UseAllLengths = false, MaximumNgramsCount = [options.MaximumNgrams] }
            : null,
        Norm = options.NormalizeText ? TextFeaturizingEstimator.NormFunction.L2 : TextFeaturizingEstimator.NormFunction.None,
    };
}
