using ImrPredict.Application.Cases;
using ImrPredict.Application.Telemetry;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Prediction;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace ImrPredict.Application.Models;

/// <summary>Holds the serving model; swapped atomically so requests always see a whole model.</summary>
public sealed partial class ModelHost(string bundleDirectory, ILogger<ModelHost> logger, ServiceMetrics? metrics = null) : IServingModels
{
    private readonly MLContext _ml = new(seed: 1);
    private volatile ServingModel? _current;

    private static readonly CaseInput SmokeCase = new("The injured worker reports low back pain.", ["MRI of the lumbar spine"]);

    /// <summary>The serving model, or null while none is loaded.</summary>
    public ServingModel? Current => _current;

    /// <summary>Why the last load failed, when it did.</summary>
    public string? LastError { get; private set; }

    /// <summary>The bundle folder served.</summary>
    public string BundleDirectory { get; } = Path.GetFullPath(bundleDirectory);

    /// <summary>Loads and checks a bundle (schema, a smoke prediction); on success it replaces the serving model.</summary>
    public bool TryLoad(string directory)
    {
        lock (_loadGate)
        {
            return TryLoadLocked(directory);
        }
    }

    /// <summary>The served bundle's identity (version and model hash), to notice a newly published one.</summary>
    public string? ServedIdentity => _current is { } current ? Identity(current.Manifest.BundleVersion, current.Manifest.ModelSha256) : null;

    /// <summary>A bundle's identity as the loader compares it.</summary>
    public static string Identity(string? bundleVersion, string? modelSha256) => $"{bundleVersion}|{modelSha256}";

    private readonly object _loadGate = new();

    private bool TryLoadLocked(string directory)
    {
        var loaded = ModelBundle.Load(_ml, directory);
        if (!loaded.TryGetValue(out var bundle))
        {
            return Refuse(loaded.Error.ToString());
        }

        var created = ItemPredictor.Create(_ml, bundle);
        if (!created.TryGetValue(out var predictor))
        {
            return Refuse(created.Error.ToString());
        }

        var smoke = predictor.Predict(CaseRows.For(SmokeCase, "smoke")[0]);
        // The criteria checklist every assessment carries: its patterns compile here, before the first call waits on them.
        _ = Core.Criteria.CriteriaDetector.Detect(SmokeCase.ClinicalSummary, SmokeCase.RequestedItems);
        if (double.IsNaN(smoke.POverturned) || smoke.POverturned is < 0 or > 1)
        {
            return Refuse($"the bundle at '{directory}' gave probability {smoke.POverturned} on the smoke case");
        }

        _current = new ServingModel(predictor, BundlePromotion.Read(bundle.Directory));
        LastError = null;
        metrics?.ModelLoad(loaded: true);
        LogLoaded(logger, bundle.Manifest.BundleVersion, bundle.Directory);
        return true;
    }

    /// <summary>Records why no model can be served (the default bundle could not be built, say); a served model keeps serving.</summary>
    public void Unavailable(string reason) => Refuse(reason);

    private bool Refuse(string reason)
    {
        LastError = reason;
        metrics?.ModelLoad(loaded: false);
        LogRefused(logger, reason);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving bundle {BundleVersion} from {Directory}")]
    private static partial void LogLoaded(ILogger logger, string bundleVersion, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bundle refused; the previous model keeps serving: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

