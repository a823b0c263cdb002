using ImrPredict.Core.Parsing;
using ImrPredict.ML;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Data;
using ImrPredict.ML.Prediction;
using ImrPredict.ML.Training;
using ImrPredict.Search;
using ImrPredict.Synthetic;
using Microsoft.Extensions.Options;
using Microsoft.ML;

namespace ImrPredict.Server;

/// <summary>What is being served: a predictor and, when the bundle has one, its precedent index.</summary>
/// <param name="Predictor">The thread-safe predictor.</param>
/// <param name="Precedents">The bundle's precedent index, when present.</param>
public sealed record ServingModel(ItemPredictor Predictor, PrecedentIndex? Precedents)
{
    /// <summary>The bundle's manifest.</summary>
    public ModelManifest Manifest => Predictor.Bundle.Manifest;
}

/// <summary>Holds the serving model; swapped atomically so requests always see a whole model.</summary>
public sealed partial class ModelHost(IOptions<ImrPredictOptions> options, IHostEnvironment environment, ILogger<ModelHost> logger) : IDisposable
{
    private readonly MLContext _ml = new(seed: 1);
    private volatile ServingModel? _current;

    /// <summary>The serving model, or null while none is loaded.</summary>
    public ServingModel? Current => _current;

    /// <summary>Why the last load failed, when it did.</summary>
    public string? LastError { get; private set; }

    /// <summary>The bundle folder served; a relative models folder is relative to the content root.</summary>
    public string BundleDirectory => Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.Value.ModelsDirectory, options.Value.BundleName));

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
        var (bundle, error) = ModelBundle.Load(_ml, directory);
        if (bundle is null)
        {
            return Refuse(error!.ToString());
        }

        var (predictor, predictorError) = ItemPredictor.Create(_ml, bundle);
        if (predictor is null)
        {
            return Refuse(predictorError!.ToString());
        }

        var smoke = predictor.Predict(ItemRows.From("smoke", 0, "The injured worker reports low back pain.", "MRI of the lumbar spine",
            ItemAttributeExtractor.Extract("MRI of the lumbar spine"), false, null, 1));
        if (double.IsNaN(smoke.POverturned) || smoke.POverturned is < 0 or > 1)
        {
            return Refuse($"the bundle at '{directory}' gave probability {smoke.POverturned} on the smoke case");
        }

        PrecedentIndex? precedents = null;
        var indexFolder = Path.Combine(directory, "index");
        var current = _current;
        if (current?.Precedents is { } served && current.Predictor.Bundle.Directory == bundle.Directory && current.Manifest.ModelSha256 == bundle.Manifest.ModelSha256)
        {
            // The same bundle again: keep its open index (a second writer on one folder would be refused by its lock).
            precedents = served;
        }
        else if (System.IO.Directory.Exists(indexFolder))
        {
            var opened = PrecedentIndex.Open(indexFolder);
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

    /// <summary>Builds the default bundle from a generated corpus (progress in the log) and writes it to <see cref="BundleDirectory"/>.</summary>
    public void BuildDefaultBundle(CancellationToken cancellationToken)
    {
        var letters = options.Value.DefaultCorpusLetters;
        LogBuilding(logger, BundleDirectory, letters);
        var generator = new LetterGenerator(seed: 2024);
        var parsed = new Core.Letters.ImrLetter[letters];
        Parallel.For(0, letters, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            parsed[i] = LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value);
        var rows = parsed.SelectMany(ItemRows.From).ToList();
        LogProgress(logger, $"generated and parsed {letters:N0} letters, {rows.Count:N0} items");
        var trainingOptions = PipelineOptions.ForSmallCorpus(rows.Count);
        var trained = ModelTrainer.Train(_ml, rows, LetterCorpus.Instance, trainingOptions, validationFolds: 2, includeLogistic: false,
            new Progress<string>(message => LogProgress(logger, message)), cancellationToken);
        var created = DateTimeOffset.UtcNow;
        var error = ModelBundle.Save(_ml, BundleDirectory, trained.Model, trained.InputSchema,
            hash => ModelManifest.For(trained, $"letters-default-{created:yyyyMMdd'T'HHmmss'Z'}-{trained.DataFingerprint[7..15]}", "letters", trainingOptions,
                LetterCorpus.Instance.Features, ModelBundle.LetterInputColumns, [$"generated: {letters} letters, seed 2024"], hash, created),
            overwrite: false, folder =>
        {
            using var index = PrecedentIndex.Open(Path.Combine(folder, "index")).Value;
            foreach (var batch in parsed.Chunk(2000))
            {
                index.AddLetters(batch);
            }
        });
        if (error is not null && error.Code != BundleErrorCode.AlreadyExists)
        {
            throw new InvalidOperationException(error.ToString());
        }

        LogProgress(logger, $"default bundle ready: validation ROC-AUC {trained.ValidationMetrics.RocAuc:F3}");
    }

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

    [LoggerMessage(Level = LogLevel.Information, Message = "No bundle at {Directory}: building the default bundle from {Letters} generated letters")]
    private static partial void LogBuilding(ILogger logger, string directory, int letters);

    [LoggerMessage(Level = LogLevel.Information, Message = "Default bundle: {Message}")]
    private static partial void LogProgress(ILogger logger, string message);
}

/// <summary>Loads the bundle at start (building the default one first when absent) without blocking the listener.</summary>
public sealed partial class ModelLoader(ModelHost host, IOptions<ImrPredictOptions> options, ILogger<ModelLoader> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(() =>
    {
        try
        {
            if (!File.Exists(Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile)) && options.Value.BuildDefaultBundle)
            {
                host.BuildDefaultBundle(stoppingToken);
            }

            host.TryLoad(host.BundleDirectory);
            var poll = options.Value.ReloadPollSeconds;
            while (poll > 0 && !stoppingToken.IsCancellationRequested)
            {
                stoppingToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(poll));
                var manifest = Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile);
                if (File.Exists(manifest) && PublishedIdentity(manifest) is { } published && published != host.ServedIdentity && published != _refusedIdentity)
                {
                    // A bundle was published into the folder: load it; a damaged one is refused and the old keeps serving.
                    _refusedIdentity = host.TryLoad(host.BundleDirectory) ? null : published;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            LogFailed(logger, e);
        }
    }, stoppingToken);

    private string? _refusedIdentity;

    private static string? PublishedIdentity(string manifestPath)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(File.ReadAllText(manifestPath));
            var root = document.RootElement;
            return root.TryGetProperty("bundleVersion", out var version) && root.TryGetProperty("modelSha256", out var hash)
                ? ModelHost.Identity(version.GetString(), hash.GetString())
                : null;
        }
        catch (Exception e) when (e is IOException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; predictions answer FAILED_PRECONDITION")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
