using ImrPredict.ML.Bundles;

namespace ImrPredict.ML.Training;

/// <summary>What a bundle's manifest says about its training, beside the trained model's own figures.</summary>
/// <param name="VersionLabel">The version's first part: the corpus kind, or e.g. <c>letters-default</c>.</param>
/// <param name="CorpusKind"><c>letters</c> or <c>dmhc</c>: which row schema the model reads.</param>
/// <param name="Options">The pipeline settings trained with.</param>
/// <param name="Features">The feature blocks the model reads.</param>
/// <param name="InputColumns">The input columns the saved model expects.</param>
/// <param name="DataSources">Where the training data came from.</param>
/// <param name="ReportYears">For the DMHC export: the report years trained on, when filtered.</param>
/// <param name="TrainedThrough">The latest decision date among the training letters, when known.</param>
public sealed record BundleDescription(
    string VersionLabel,
    string CorpusKind,
    PipelineOptions Options,
    IReadOnlyList<string> Features,
    IReadOnlyList<string> InputColumns,
    IReadOnlyList<string> DataSources,
    YearRange? ReportYears = null,
    DateOnly? TrainedThrough = null);
