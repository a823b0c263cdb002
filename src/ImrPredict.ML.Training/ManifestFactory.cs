using ImrPredict.ML.Bundles;

namespace ImrPredict.ML.Training;

/// <summary>Makes the manifest of a freshly trained model.</summary>
public static class ManifestFactory
{
    /// <summary>The manifest of a freshly trained model: everything but its hash and provenance comes from <paramref name="trained"/>.</summary>
    public static ModelManifest For(TrainedModel trained, string bundleVersion, string corpusKind, PipelineOptions options, IReadOnlyList<string> features,
        IReadOnlyList<string> inputColumns, IReadOnlyList<string> dataSources, string modelSha256, DateTimeOffset created, YearRange? reportYears = null, DateOnly? trainedThrough = null) => new ModelManifest
        {
            BundleVersion = bundleVersion,
            CorpusKind = corpusKind,
            CreatedUtc = created,
            MlNetVersion = ModelManifest.MlNetPackageVersion,
            TrainerOptions = options,
            Seed = options.Seed,
            DataFingerprint = trained.DataFingerprint,
            DataSources = dataSources,
            ReportYears = reportYears,
            Rows = trained.Rows,
            Labels = new LabelCounts(trained.Rows - trained.Overturned, trained.Overturned),
            Features = features,
            InputColumns = inputColumns,
            Threshold = trained.Threshold,
            Metrics = new ValidationMetrics(trained.ValidationMetrics, trained.LogisticMetrics, trained.ConstantMetrics),
            ModelSha256 = modelSha256,
            Calibration = trained.Calibration,
            CategorySupport = trained.CategorySupport,
            TrainedThrough = trainedThrough,
        };
}
