using System.Text.Json;
using System.Text.Json.Serialization;
using ImrPredict.ML.Calibration;

namespace ImrPredict.ML.Bundles;

/// <summary>
/// <c>manifest.json</c> of a model bundle: what was trained on what, how, and how well. The
/// <see cref="ModelSha256"/> ties it to its <c>model.zip</c>: a manifest that does not match its model is refused.
/// </summary>
public sealed record ModelManifest
{
    /// <summary>The manifest format this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The manifest format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>A unique, sortable version of this bundle: kind, creation time and data fingerprint.</summary>
    public required string BundleVersion { get; init; }

    /// <summary><c>letters</c> or <c>dmhc</c>: which row schema the model reads.</summary>
    public required string CorpusKind { get; init; }

    /// <summary>When the bundle was made.</summary>
    public required DateTimeOffset CreatedUtc { get; init; }

    /// <summary>The ML.NET version that trained it.</summary>
    public required string MlNetVersion { get; init; }

    /// <summary>The trainer.</summary>
    public string Trainer { get; init; } = "FastTree binary (ML.NET)";

    /// <summary>Every pipeline and trainer setting.</summary>
    public required PipelineOptions TrainerOptions { get; init; }

    /// <summary>The seed.</summary>
    public required int Seed { get; init; }

    /// <summary>SHA-256 over the training rows, independent of their order.</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>Where the training data came from.</summary>
    public required IReadOnlyList<string> DataSources { get; init; }

    /// <summary>
    /// Whether the model learned from generated demo letters (the default bundle's "generated: N letters, seed S"):
    /// such a model and what it says must be labelled as a demo wherever a person reads them.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool TrainedOnGenerated => DataSources.Any(s => s.StartsWith("generated", StringComparison.OrdinalIgnoreCase));

    /// <summary>For the DMHC export: the report years trained on, when filtered.</summary>
    public YearRange? ReportYears { get; init; }

    /// <summary>Training items.</summary>
    public required int Rows { get; init; }

    /// <summary>Training items by label.</summary>
    public required LabelCounts Labels { get; init; }

    /// <summary>The feature blocks the model reads.</summary>
    public required IReadOnlyList<string> Features { get; init; }

    /// <summary>The input columns the saved model expects.</summary>
    public required IReadOnlyList<string> InputColumns { get; init; }

    /// <summary>The decision threshold and its validation precision and recall.</summary>
    public required ThresholdChoice Threshold { get; init; }

    /// <summary>Validation metrics (grouped out-of-fold).</summary>
    public required ValidationMetrics Metrics { get; init; }

    /// <summary>SHA-256 of <c>model.zip</c>, hex.</summary>
    public required string ModelSha256 { get; init; }

    /// <summary>
    /// The map from the model's raw probability to the served one, fitted on scores the model did not train on;
    /// absent in bundles made before it existed (they serve the raw probability).
    /// </summary>
    public ProbabilityCalibration? Calibration { get; init; }

    /// <summary>Training items per category (letters bundles), most first.</summary>
    public IReadOnlyList<CategorySupport> CategorySupport { get; init; } = [];

    /// <summary>A category with fewer training items than this gets predictions marked low-support.</summary>
    public int LowSupportBelow { get; init; } = DefaultLowSupportBelow;

    /// <summary>The latest decision date among the training letters, when known: later decisions are unseen by this model.</summary>
    public DateOnly? TrainedThrough { get; init; }

    /// <summary>
    /// Set when this bundle is another bundle's model with only its calibration refitted on a recent period: that bundle's version.
    /// </summary>
    public string? RecalibratedFrom { get; init; }

    /// <summary>The default of <see cref="LowSupportBelow"/>: below 50 items a category's overturn rate is known to about +/- 0.1 at best.</summary>
    public const int DefaultLowSupportBelow = 50;

    /// <summary>
    /// The ML.NET package version (5.0.1), from the assembly's informational version: its assembly version is 1.0.0.0
    /// in every release, which says nothing.
    /// </summary>
    public static string MlNetPackageVersion { get; } =
        typeof(Microsoft.ML.MLContext).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion.Split('+')[0]
        ?? typeof(Microsoft.ML.MLContext).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    /// <summary>JSON settings for manifests.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}
