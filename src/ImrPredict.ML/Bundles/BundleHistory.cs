using System.Text.Json;
using ImrPredict.Core.Results;

namespace ImrPredict.ML.Bundles;

/// <summary>
/// The models folder as a history of bundles: every bundle ever promoted is kept under <c>history/&lt;version&gt;</c>,
/// and one of them is published as the serving folder (<c>models/default</c>) by copying it beside that folder and
/// renaming it into place, so the service (which watches the serving folder) sees the old bundle or the new one, never
/// a mix. Each publication is recorded in the serving folder (<c>promotion.json</c>) and in <c>history/promotions.jsonl</c>.
/// A process killed at any point leaves the serving bundle and the kept bundles whole: only hidden temporary folders,
/// which the next operation deletes.
/// </summary>
public sealed class BundleHistory
{
    /// <summary>The history folder's name inside the models folder.</summary>
    public const string HistoryFolder = "history";

    /// <summary>The promotion log's name inside the history folder.</summary>
    public const string LogFile = "promotions.jsonl";

    private static readonly JsonSerializerOptions LogJson = new(ModelManifest.JsonOptions) { WriteIndented = false };

    /// <summary>A history over <paramref name="modelsDirectory"/>, publishing to its <paramref name="servingName"/> folder.</summary>
    public BundleHistory(string modelsDirectory, string servingName = "default")
    {
        ModelsDirectory = Path.GetFullPath(modelsDirectory);
        ServingDirectory = Path.Combine(ModelsDirectory, servingName);
        HistoryDirectory = Path.Combine(ModelsDirectory, HistoryFolder);
    }

    /// <summary>The models folder.</summary>
    public string ModelsDirectory { get; }

    /// <summary>The folder the service serves.</summary>
    public string ServingDirectory { get; }

    /// <summary>Where promoted bundles are kept.</summary>
    public string HistoryDirectory { get; }

    /// <summary>The kept bundle folder of <paramref name="version"/>.</summary>
    public string PathOf(string version) => Path.Combine(HistoryDirectory, version);

    /// <summary>The serving bundle's manifest (hash-checked), or why there is none.</summary>
    public Result<ModelManifest, BundleErrorCode> Serving() => ModelBundle.ReadChecked(ServingDirectory);

    /// <summary>
    /// Keeps a complete bundle folder in the history under its version (copied, then renamed into place); a version
    /// already kept with the same model is left as it is.
    /// </summary>
    public Result<string, BundleErrorCode> Keep(string bundleDirectory)
    {
        using var gate = Lock();
        return gate is null ? Busy<string>() : KeepLocked(bundleDirectory);
    }

    /// <summary>
    /// Keeps the serving bundle in the history (when it is not already there) and, when the log does not say how it came
    /// to serve (written or copied in place), records it as published with <paramref name="reason"/> after the bundle the
    /// log last published, so <c>imr rollback</c> can return to that one. Idempotent: replicas and commands call it on
    /// every bundle they see. No serving bundle: nothing to do (null).
    /// </summary>
    public Result<string?, BundleErrorCode> Adopt(string reason)
    {
        using var gate = Lock();
        return gate is null ? Busy<string?>() : AdoptLocked(reason);
    }

    private Result<string?, BundleErrorCode> AdoptLocked(string reason)
    {
        if (!Directory.Exists(ServingDirectory) || !File.Exists(Path.Combine(ServingDirectory, ModelBundle.ManifestFile)))
        {
            return (string?)null;
        }

        var kept = KeepLocked(ServingDirectory);
        if (!kept.TryGetValue(out var version))
        {
            // Damaged in place after it was kept (a replica keeps what it loads): the history's copy is whole, nothing is lost.
            if (ServingName() is { } named && IsSafeName(named) && ModelBundle.ReadChecked(PathOf(named)).Success)
            {
                return named;
            }

            return kept.FailAs<string?>();
        }

        var logged = ReadLog();
        var last = logged.Count == 0 ? null : logged[^1];
        if (last?.Version != version && BundlePromotion.Read(ServingDirectory)?.Version != version)
        {
            Append(new BundlePromotion(version, DateTimeOffset.UtcNow, last?.Version, reason));
        }

        return version;
    }

    private Result<string, BundleErrorCode> KeepLocked(string bundleDirectory)
    {
        var read = ModelBundle.ReadChecked(bundleDirectory);
        if (!read.TryGetValue(out var manifest))
        {
            return read.FailAs<string>();
        }

        if (!IsSafeName(manifest.BundleVersion))
        {
            return Result<string, BundleErrorCode>.Fail(BundleErrorCode.ManifestInvalid, $"bundle version '{manifest.BundleVersion}' cannot name a folder");
        }

        var destination = PathOf(manifest.BundleVersion);
        if (ModelBundle.ReadChecked(destination) is { Success: true } kept)
        {
            return string.Equals(kept.Value.ModelSha256, manifest.ModelSha256, StringComparison.OrdinalIgnoreCase)
                ? manifest.BundleVersion
                : Result<string, BundleErrorCode>.Fail(BundleErrorCode.AlreadyExists, $"the history already holds a different bundle named {manifest.BundleVersion}");
        }

        var temporary = BundleFolders.TemporaryBeside(destination);
        BundleFolders.Copy(bundleDirectory, temporary);
        File.Delete(Path.Combine(temporary, BundlePromotion.FileName));
        BundleFolders.MoveIntoPlace(temporary, destination);
        return manifest.BundleVersion;
    }

    /// <summary>
    /// Publishes the kept bundle <paramref name="version"/> as the serving one, after checking its model against its
    /// manifest. <paramref name="reason"/> is recorded (<c>retrain</c>, <c>promote</c>, <c>rollback</c>...). The bundle
    /// it replaces is kept in the history first, so a rollback can return to it; when that one is damaged and cannot be
    /// kept, nothing is published unless <paramref name="force"/>, and the promotion then names what was lost
    /// (<see cref="BundlePromotion.Discarded"/>).
    /// </summary>
    public Result<BundlePromotion, BundleErrorCode> Publish(string version, string reason, bool force = false)
    {
        if (!IsSafeName(version))
        {
            return Result<BundlePromotion, BundleErrorCode>.Fail(BundleErrorCode.NotInHistory, $"'{version}' is not a bundle version");
        }

        var source = PathOf(version);
        if (!Directory.Exists(source))
        {
            return Result<BundlePromotion, BundleErrorCode>.Fail(BundleErrorCode.NotInHistory, $"the history has no bundle {version} (see imr bundles)");
        }

        var checkedSource = ModelBundle.ReadChecked(source);
        if (!checkedSource.Success)
        {
            return checkedSource.FailAs<BundlePromotion>();
        }

        using var gate = Lock();
        if (gate is null)
        {
            return Busy<BundlePromotion>();
        }

        BundleFolders.DeleteLeftovers(ModelsDirectory);
        BundleFolders.DeleteLeftovers(HistoryDirectory);
        string? discarded = null;
        var incumbent = AdoptLocked("in place");
        if (!incumbent.Success)
        {
            var what = $"the serving bundle in {ServingDirectory} cannot be kept in the history ({incumbent.Error.Message})";
            if (!force)
            {
                return Result<BundlePromotion, BundleErrorCode>.Fail(BundleErrorCode.IncumbentNotKept,
                    $"{what}, so publishing {version} would lose it and leave nothing to roll back to; nothing was published (pass --force to replace it anyway)");
            }

            discarded = $"{DescribeServing()} ({incumbent.Error.Message})";
        }

        var previous = incumbent.Success ? incumbent.Value : null;
        if (previous == version)
        {
            // Publishing what already serves changes nothing to roll back to.
            var logged = Promotions().LastOrDefault(p => p.Version == version);
            previous = logged?.Previous;
        }

        var promotion = new BundlePromotion(version, DateTimeOffset.UtcNow, previous, reason) { Discarded = discarded };
        var temporary = BundleFolders.TemporaryBeside(ServingDirectory);
        try
        {
            BundleFolders.Copy(source, temporary);
            File.WriteAllText(Path.Combine(temporary, BundlePromotion.FileName), JsonSerializer.Serialize(promotion, ModelManifest.JsonOptions));
            BundleFolders.MoveIntoPlace(temporary, ServingDirectory);
        }
        catch
        {
            if (Directory.Exists(temporary))
            {
                Directory.Delete(temporary, recursive: true);
            }

            throw;
        }

        // After the move: a process killed in between leaves the promotion in the serving folder, which List reads too.
        Append(promotion);
        return promotion;
    }

    private void Append(BundlePromotion promotion) =>
        File.AppendAllText(Path.Combine(HistoryDirectory, LogFile), JsonSerializer.Serialize(promotion, LogJson) + "\n");

    /// <summary>Names a damaged serving bundle as well as its files allow.</summary>
    private string DescribeServing() => ServingName() is { } name ? $"bundle {name}" : $"the bundle in {ServingDirectory}";

    /// <summary>The version the serving folder's manifest names, even when its model does not match it; null when unreadable.</summary>
    private string? ServingName()
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ServingDirectory, ModelBundle.ManifestFile)));
            return document.RootElement.TryGetProperty("bundleVersion", out var v) ? v.GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Publishes the bundle that served before the serving one was promoted (rollbacks are skipped, so repeated
    /// rollbacks walk back through the promotions rather than swinging between two bundles).
    /// </summary>
    public Result<BundlePromotion, BundleErrorCode> Rollback(bool force = false)
    {
        var target = RollbackTarget();
        return target.TryGetValue(out var version) ? Publish(version, "rollback", force) : target.FailAs<BundlePromotion>();
    }

    /// <summary>The version <see cref="Rollback"/> would publish, or why there is none; changes nothing.</summary>
    public Result<string, BundleErrorCode> RollbackTarget()
    {
        var serving = Serving();
        if (!serving.TryGetValue(out var manifest))
        {
            return serving.FailAs<string>();
        }

        var promotions = Promotions();
        var promotedBy = promotions.LastOrDefault(p => p.Version == manifest.BundleVersion && p.Reason != "rollback");
        if (promotedBy is null)
        {
            // Written or copied in place after the last publication: what the log last published served before it.
            var last = promotions.LastOrDefault(p => p.Version != manifest.BundleVersion);
            return last is not null && Directory.Exists(PathOf(last.Version))
                ? last.Version
                : Result<string, BundleErrorCode>.Fail(BundleErrorCode.NotInHistory,
                    $"the serving bundle {manifest.BundleVersion} was not promoted from the history and nothing was published before it, so there is no earlier bundle to return to; use imr promote VERSION");
        }

        if (promotedBy.Previous is null)
        {
            return Result<string, BundleErrorCode>.Fail(BundleErrorCode.NotInHistory, $"{manifest.BundleVersion} was the first bundle promoted: there is nothing before it");
        }

        return promotedBy.Previous;
    }

    /// <summary>Every publication, oldest first (the log, plus the serving folder's record if the log missed it).</summary>
    public IReadOnlyList<BundlePromotion> Promotions()
    {
        var promotions = ReadLog();
        if (BundlePromotion.Read(ServingDirectory) is { } current && !promotions.Contains(current))
        {
            promotions.Add(current);
        }

        return promotions.OrderBy(p => p.PromotedUtc).ToList();
    }

    private List<BundlePromotion> ReadLog()
    {
        var promotions = new List<BundlePromotion>();
        var log = Path.Combine(HistoryDirectory, LogFile);
        if (File.Exists(log))
        {
            foreach (var line in File.ReadLines(log))
            {
                try
                {
                    if (JsonSerializer.Deserialize<BundlePromotion>(line, LogJson) is { } promotion)
                    {
                        promotions.Add(promotion);
                    }
                }
                catch (JsonException)
                {
                    // A line cut short by a killed process: the rest of the log still counts.
                }
            }
        }

        return promotions;
    }

    /// <summary>The kept bundles, newest first, with their promotions and which one serves.</summary>
    public IReadOnlyList<HistoryEntry> List()
    {
        if (!Directory.Exists(HistoryDirectory))
        {
            return [];
        }

        var promotions = Promotions();
        var serving = Serving() is { Success: true } s ? s.Value : null;
        var entries = new List<HistoryEntry>();
        foreach (var directory in Directory.EnumerateDirectories(HistoryDirectory).Where(d => !Path.GetFileName(d).StartsWith('.')))
        {
            if (ModelBundle.ReadChecked(directory) is { Success: true } read)
            {
                var version = Path.GetFileName(directory);
                entries.Add(new HistoryEntry(version, directory, read.Value, promotions.Where(p => p.Version == version).ToList(),
                    serving is not null && serving.BundleVersion == version && serving.ModelSha256 == read.Value.ModelSha256));
            }
        }

        return entries.OrderByDescending(e => e.Manifest.CreatedUtc).ToList();
    }

    private static bool IsSafeName(string version) =>
        !string.IsNullOrWhiteSpace(version) && !version.StartsWith('.') && version.IndexOfAny([.. Path.GetInvalidFileNameChars(), '/', '\\']) < 0;

    private static Result<T, BundleErrorCode> Busy<T>() =>
        Result<T, BundleErrorCode>.Fail(BundleErrorCode.Busy, "another promotion or rollback is running on this models folder; try again when it ends");

    /// <summary>An exclusive lock on the history, held while it changes; null when another process holds it for 30 s.</summary>
    private FileStream? Lock()
    {
        Directory.CreateDirectory(HistoryDirectory);
        var path = Path.Combine(HistoryDirectory, ".lock");
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(100);
            }
            catch (IOException)
            {
                return null;
            }
        }
    }
}
