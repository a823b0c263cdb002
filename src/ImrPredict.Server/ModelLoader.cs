using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using ImrPredict.ML.Bundles;
using ImrPredict.Search;
using Microsoft.Extensions.Options;

namespace ImrPredict.Server;

/// <summary>
/// Loads the bundle at start, before the listener opens (building the default one first, in the background, when absent), then watches
/// the bundle folder and loads a newly published bundle; a damaged one is refused and the previous one keeps serving.
/// </summary>
public sealed partial class ModelLoader(ModelHost host, DefaultBundleBootstrap bootstrap, IOptions<ImrPredictOptions> options,
    IHostEnvironment environment, ILogger<ModelLoader> logger)
    : BackgroundService
{
    private string? _refusedIdentity;

    /// <summary>Whether the ready-made default bundle was copied into place at this start (the store is then seeded in the background).</summary>
    private bool _seeded;

    /// <summary>Whether a bundle was on disk at start and so was loaded (or refused) before the listener opened.</summary>
    private bool _triedAtStart;

    /// <inheritdoc />
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // A bundle on disk is loaded before the listener opens (hosted services start before the server), so a restarted
        // replica never takes a call it would answer "no model" (about a second). Only building the default bundle runs late.
        var manifest = Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile);
        if (!File.Exists(manifest) && options.Value.BuildDefaultBundle)
        {
            _seeded = CopySeedBundle();
        }

        if (File.Exists(manifest))
        {
            _triedAtStart = true;
            WarnOfLegacyIndex();
            // A bundle refused here is not tried again until another one is published.
            _refusedIdentity = host.TryLoad(host.BundleDirectory) ? null : PublishedIdentity(manifest);
        }

        return base.StartAsync(cancellationToken);
    }

    /// <summary>
    /// Copies the ready-made default bundle into the empty served folder (beside it first, then renamed into place, so a
    /// half-copied bundle is never read); false when none is configured or present, or the copy fails (the bundle is then built).
    /// </summary>
    private bool CopySeedBundle()
    {
        if (options.Value.SeedBundleDirectory is not { Length: > 0 } configured)
        {
            return false;
        }

        var seed = Path.GetFullPath(Path.Combine(environment.ContentRootPath, configured));
        if (!File.Exists(Path.Combine(seed, ModelBundle.ManifestFile)))
        {
            return false;
        }

        var target = host.BundleDirectory;
        var staging = $"{target}.seed-{Guid.NewGuid():N}";
        try
        {
            Directory.CreateDirectory(staging);
            foreach (var file in Directory.GetFiles(seed))
            {
                File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
            }

            if (Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any())
            {
                Directory.Delete(target);
            }

            Directory.Move(staging, target);
            LogSeedCopied(logger, seed, target);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogSeedFailed(logger, seed, e.Message);
            try
            {
                if (Directory.Exists(staging))
                {
                    Directory.Delete(staging, recursive: true);
                }
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                // Left beside the models folder: harmless, and named as a seed copy.
            }

            return false;
        }
    }

    /// <summary>
    /// A bundle made before the store carries its precedent index, whose letters the store may lack: the service never
    /// imports them itself (an operator's one-off job, <c>imr import-index</c>), and says so at each start until done.
    /// </summary>
    private void WarnOfLegacyIndex()
    {
        var folder = Path.Combine(host.BundleDirectory, StoredLetterReader.LegacyBundleFolder);
        if (Directory.Exists(folder))
        {
            LogLegacyIndex(logger, folder, host.BundleDirectory);
        }
    }

    /// <inheritdoc />
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Task.Run(async () =>
    {
        try
        {
            if (!_triedAtStart)
            {
                if (options.Value.BuildDefaultBundle && !File.Exists(Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile))
                    && await bootstrap.BuildAsync(host.BundleDirectory, stoppingToken) is { } failure)
                {
                    LogBootstrapFailed(logger, failure);
                    host.Unavailable($"the default bundle could not be built: {failure}");
                }

                WarnOfLegacyIndex();
                if (File.Exists(Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile)) || host.LastError is null)
                {
                    host.TryLoad(host.BundleDirectory);
                }
            }

            if (_seeded && options.Value.BuildDefaultBundle)
            {
                // The bundle came ready-made: the bootstrap keeps it and only puts the generated letters into an empty store.
                LogSeedingStore(logger);
                if (await bootstrap.BuildAsync(host.BundleDirectory, stoppingToken) is { } failure)
                {
                    LogBootstrapFailed(logger, failure);
                }
            }

            KeepServedInHistory();

            var poll = options.Value.ReloadPollSeconds;
            while (poll > 0 && !stoppingToken.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(poll), stoppingToken);
                var manifest = Path.Combine(host.BundleDirectory, ModelBundle.ManifestFile);
                if (File.Exists(manifest) && PublishedIdentity(manifest) is { } published && published != host.ServedIdentity && published != _refusedIdentity)
                {
                    _refusedIdentity = host.TryLoad(host.BundleDirectory) ? null : published;
                    if (_refusedIdentity is null)
                    {
                        KeepServedInHistory();
                    }
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

    /// <summary>
    /// Keeps the bundle just loaded in the models folder's history (when nothing has yet), so that whatever replaces it
    /// later, even a folder copied over it by hand, leaves it there for <c>imr rollback</c>. Best effort: a read-only
    /// models folder is logged, and serving goes on.
    /// </summary>
    private void KeepServedInHistory()
    {
        if (host.Current is null)
        {
            return;
        }

        var directory = Path.GetFullPath(host.BundleDirectory);
        try
        {
            if (new BundleHistory(Path.GetDirectoryName(directory)!, Path.GetFileName(directory)).Adopt("in place") is { Success: false } notKept)
            {
                LogNotKept(logger, notKept.Error.Message);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            LogNotKept(logger, e.Message);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Error, Message = "Building the default bundle failed; predictions answer UNAVAILABLE: {Reason}")]
    private static partial void LogBootstrapFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The bundle carries a precedent index made before the store ({Folder}); its letters are searched only once they are in the store: run imr import-index {Bundle} --data-dir <the service's data folder>")]
    private static partial void LogLegacyIndex(ILogger logger, string folder, string bundle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The served bundle was not kept in the models folder's history, so imr rollback cannot return to it once it is replaced: {Reason}")]
    private static partial void LogNotKept(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Loading the model failed; predictions answer FAILED_PRECONDITION")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Step 1 of 2: the ready-made default bundle {Seed} is copied to {Bundle} and served (trained on generated demo letters)")]
    private static partial void LogSeedCopied(ILogger logger, string seed, string bundle);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The ready-made default bundle {Seed} could not be copied; it is built instead: {Reason}")]
    private static partial void LogSeedFailed(ILogger logger, string seed, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Step 2 of 2: the generated demo letters go into the empty store in the background; precedents appear as they are indexed")]
    private static partial void LogSeedingStore(ILogger logger);
}
