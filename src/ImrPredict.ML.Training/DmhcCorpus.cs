using ImrPredict.ML.Data;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;

namespace ImrPredict.ML.Training;

/// <summary>The DMHC export: one row per determination, its categories one-hot, Findings text when present.</summary>
/// <param name="useFindings">Whether to featurize the Findings text (present only in the current export).</param>
public sealed class DmhcCorpus(bool useFindings) : ICorpusSpec<DmhcRow>
{
    private static readonly string[] Categorical =
    [
        nameof(DmhcRow.DiagnosisCategory), nameof(DmhcRow.DiagnosisSubCategory), nameof(DmhcRow.TreatmentCategory),
        nameof(DmhcRow.TreatmentSubCategory), nameof(DmhcRow.Type), nameof(DmhcRow.AgeRange), nameof(DmhcRow.Gender),
    ];

    /// <inheritdoc />
    public string Kind => "dmhc";

    /// <summary>
    /// The DMHC model's settings: FastTree splits each one-hot block as a category (hundreds of sub-categories at
    /// once); pairwise interaction columns were tried and overfit the earlier years.
    /// </summary>
    public static PipelineOptions DefaultOptions(int seed, int? trees) => new()
    {
        Seed = seed,
        NumberOfTrees = trees ?? 300,
        NumberOfLeaves = 16,
        MinimumExampleCountPerLeaf = 30,
        LearningRate = 0.05,
        CategoricalSplit = true,
        SummarySlots = 2000,
        FeatureFraction = 0.8,
    };

    /// <summary>The input columns the saved model reads.</summary>
    public IReadOnlyList<string> InputColumns => [.. Categorical, nameof(DmhcRow.ReportYear), .. useFindings ? new[] { nameof(DmhcRow.Findings) } : []];

    /// <inheritdoc />
    public IReadOnlyList<string> Features =>
    [
        "DiagnosisCategory, DiagnosisSubCategory, TreatmentCategory, TreatmentSubCategory, Type, AgeRange, Gender: one-hot, split as categories",
        "ReportYear: value",
        .. useFindings ? new[] { "Findings: word and char n-grams, top slots by mutual information" } : [],
    ];

    /// <inheritdoc />
    public IEstimator<ITransformer> Build(MLContext ml, PipelineOptions options) =>
        Featurizer(ml, options).Append(ml.BinaryClassification.Trainers.FastTree(ImrPipeline.FastTreeOptions(options)));

    /// <inheritdoc />
    public IEstimator<ITransformer> BuildBaseline(MLContext ml, PipelineOptions options) =>
        Featurizer(ml, options)
            .Append(ml.Transforms.NormalizeMinMax(ImrPipeline.FeaturesColumn))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(nameof(DmhcRow.Label), ImrPipeline.FeaturesColumn, l2Regularization: 1f));

    /// <inheritdoc />
    public string GroupOf(DmhcRow row) => row.ReferenceId;

    /// <inheritdoc />
    public bool LabelOf(DmhcRow row) => row.Label;

    /// <inheritdoc />
    public string CategoryOf(DmhcRow row) => row.TreatmentCategory;

    /// <inheritdoc />
    public string FingerprintOf(DmhcRow row) => $"{row.ReferenceId}|{row.ReportYear}|{row.Label}|{string.Join('|', Categorical.Select(c => typeof(DmhcRow).GetProperty(c)!.GetValue(row)))}|{row.Findings}";

    private IEstimator<ITransformer> Featurizer(MLContext ml, PipelineOptions options)
    {
        var oneHot = Categorical.Select(c => new InputOutputColumnPair(c + "Encoded", c)).ToArray();
        IEstimator<ITransformer> pipeline = ml.Transforms.Categorical.OneHotEncoding(oneHot)
            .Append(ml.Transforms.Conversion.ConvertType("Year", nameof(DmhcRow.ReportYear), DataKind.Single));
        var blocks = oneHot.Select(p => p.OutputColumnName).Append("Year").ToList();
        if (useFindings)
        {
            pipeline = pipeline
                .Append(ml.Transforms.Text.FeaturizeText("FindingsText", new TextFeaturizingEstimator.Options
                {
                    WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
                    CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
                    Norm = TextFeaturizingEstimator.NormFunction.L2,
                }, nameof(DmhcRow.Findings)))
                .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnMutualInformation("FindingsFeatures", "FindingsText", nameof(DmhcRow.Label), options.SummarySlots));
            blocks.Add("FindingsFeatures");
        }

        return pipeline.Append(ml.Transforms.Concatenate(ImrPipeline.FeaturesColumn, [.. blocks]));
    }
}
