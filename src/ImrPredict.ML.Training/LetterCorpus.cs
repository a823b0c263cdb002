using ImrPredict.ML.Data;
using Microsoft.ML;

namespace ImrPredict.ML.Training;

/// <summary>The letter corpus: one row per disputed item.</summary>
public sealed class LetterCorpus : ICorpusSpec<ItemRow>
{
    /// <summary>The single instance.</summary>
    public static LetterCorpus Instance { get; } = new();

    /// <inheritdoc />
    public string Kind => "letters";

    /// <inheritdoc />
    public IReadOnlyList<string> Features => ImrPipeline.FeatureBlocks;

    /// <inheritdoc />
    public IEstimator<ITransformer> Build(MLContext ml, PipelineOptions options) => ImrPipeline.Build(ml, options);

    /// <inheritdoc />
    public IEstimator<ITransformer> BuildBaseline(MLContext ml, PipelineOptions options) => ImrPipeline.BuildLogisticBaseline(ml, options);

    /// <inheritdoc />
    public string GroupOf(ItemRow row) => row.LetterId;

    /// <inheritdoc />
    public bool LabelOf(ItemRow row) => row.Label;

    /// <inheritdoc />
    public string CategoryOf(ItemRow row) => row.ItemCategory;

    /// <inheritdoc />
    public string FingerprintOf(ItemRow row) =>
        $"{row.LetterId}|{row.ItemIndex}|{row.Label}|{row.RequestedItem}|{row.ItemCategory}|{row.Quantity}|{row.Strength}|{row.Sessions}|{row.PartialAuthorization}|{row.DaysFromInjuryToUrDenial}|{row.ItemsInLetter}|{row.ClinicalSummary}";
}
