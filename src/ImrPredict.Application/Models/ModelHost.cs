using ImrPredict.Application.Cases;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Prediction;
using ImrPredict.Search;
using Microsoft.Extensions.Logging;
using Microsoft.ML;

namespace ImrPredict.Application.Models;

/// <summary>Holds the serving model; swapped atomically so requests always see a whole model.</summary>
public sealed partial class ModelHost(string bundleDirectory, ServiceLimits limits, ILogger<ModelHost> logger) : IServingModels, IDisposable
{
    /// <summary>The bundle's folder for its precedent index.</summary>
    public const string IndexFolder = "index";

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
        if (double.IsNaN(smoke.POverturned) || smoke.POverturned is < 0 or > 1)
        {
            return Refuse($"the bundle at '{directory}' gave probability {smoke.POverturned} on the smoke case");
        }

        PrecedentIndex? precedents = null;
        var indexFolder = Path.Combine(directory, IndexFolder);
        var current = _current;
        if (current?.Precedents is { } served && current.Predictor.Bundle.Directory == bundle.Directory && current.Manifest.ModelSha256 == bundle.Manifest.ModelSha256)
        {
            // The same bundle again: keep its open index (a second writer on one folder would be refused by its lock).
            precedents = served;
        }
        else if (System.IO.Directory.Exists(indexFolder))
        {
            var opened = PrecedentIndex.Open(indexFolder, tuning: limits.ToSearchTuning());
            if (!opened.Success)
            {
                return Refuse(opened.Error.ToString());
            }

            precedents = opened.Value;
        }

        var previous = Interlocked.Exchange(ref _current, new ServingModel(predictor, precedents));
        LastError = null;
        LogLoaded(logger, bundle.Manifest.BundleVersion, precedents?.Count ?? 0);
        // The old index stays open for requests that may still hold it; it is released with the host.
        if (previous is not null && !ReferenceEquals(previous.Precedents, precedents))
        {
            _retired.Add(previous);
        }

        return true;
    }

    /// <summary>Records why no model can be served (the default bundle could not be built, say); a served model keeps serving.</summary>
    public void Unavailable(string reason) => Refuse(reason);

    /// <inheritdoc />
    public void Dispose()
    {
        _current?.Precedents?.Dispose();
        foreach (var retired in _retired)
        {
            retired.Precedents?.Dispose();
        }
    }

    private readonly System.Collections.Concurrent.ConcurrentBag<ServingModel> _retired = [];

    private bool Refuse(string reason)
    {
        LastError = reason;
        LogRefused(logger, reason);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving bundle {BundleVersion} with {Precedents} precedents")]
    private static partial void LogLoaded(ILogger logger, string bundleVersion, int precedents);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Bundle refused; the previous model keeps serving: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}

