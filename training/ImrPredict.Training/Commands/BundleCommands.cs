namespace ImrPredict.Training.Commands;

/// <summary><c>imr bundles</c>, <c>imr promote VERSION</c>, <c>imr rollback</c>: the history of promoted bundles and atomic publication.</summary>
internal static class BundleCommands
{
    private static readonly JsonSerializerOptions Compact = new(ModelManifest.JsonOptions) { WriteIndented = false };

    public static Command List()
    {
        var (models, bundle) = Locations();
        var json = new Option<bool>("--json") { Description = "One JSON object per bundle, for scripts." };
        var command = new Command("bundles", "List the bundles kept in the history with their metrics, when each was promoted, and which one serves.") { models, bundle, json };
        command.SetAction(result =>
        {
            var history = new BundleHistory(result.GetRequiredValue(models).FullName, result.GetRequiredValue(bundle));
            var entries = history.List();
            var serving = history.Serving();
            var rollback = history.RollbackTarget();
            if (result.GetValue(json))
            {
                foreach (var entry in entries)
                {
                    Console.WriteLine(JsonSerializer.Serialize(new
                    {
                        entry.Version, entry.Serving, entry.Origin, rollbackTarget = rollback.Success && rollback.Value == entry.Version, entry.Manifest.CreatedUtc, entry.Manifest.Rows, rocAuc = entry.Manifest.Metrics.Model.RocAuc,
                        ece = entry.Manifest.Metrics.Model.Ece, calibration = entry.Manifest.Calibration?.Method.ToString(), entry.Manifest.RecalibratedFrom, entry.Promotions,
                    }, Compact));
                }

                return 0;
            }

            if (entries.Count == 0)
            {
                Console.WriteLine($"no bundles in {history.HistoryDirectory}");
            }
            else
            {
                Console.WriteLine($"{"",1} {"version",-48} {"origin",-11} {"created (UTC)",-17} {"items",8} {"ROC-AUC",8} {"ECE",6} {"calibration",-11} promoted");
                foreach (var e in entries)
                {
                    var m = e.Manifest;
                    var promoted = e.Promotions.Count == 0 ? "never" : string.Join(", ", e.Promotions.Select(p => $"{p.PromotedUtc:yyyy-MM-dd HH:mm} ({p.Reason})"));
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(e.Serving ? "*" : rollback.Success && rollback.Value == e.Version ? "<" : " "),1} {e.Version,-48} {e.Origin,-11} {m.CreatedUtc:yyyy-MM-dd HH:mm} {m.Rows,8:N0} {m.Metrics.Model.RocAuc,8:F3} {m.Metrics.Model.Ece,6:F3} {m.Calibration?.Method.ToString() ?? "none",-11} {promoted}"));
                }
            }

            Console.WriteLine(serving.TryGetValue(out var manifest)
                ? $"serving: {manifest.BundleVersion}{(entries.Any(e => e.Serving) ? string.Empty : " (not in the history: written in place)")}"
                : $"serving: none ({serving.Error.Message})");
            Console.WriteLine(rollback.TryGetValue(out var target)
                ? $"imr rollback would restore: {target} (marked <)"
                : $"imr rollback would restore nothing: {rollback.Error.Message}");
            return 0;
        });
        return command;
    }

    public static Command Promote()
    {
        var (models, bundle) = Locations();
        var version = new Argument<string>("version") { Description = "The bundle version to publish (see imr bundles), or a bundle folder (imr train --out) to keep in the history and publish." };
        var force = Force();
        var command = new Command("promote", "Publish a bundle from the history (or a bundle folder, kept in the history first) as the serving one, atomically; the service swaps to it.") { version, models, bundle, force };
        command.SetAction(result =>
        {
            var history = new BundleHistory(result.GetRequiredValue(models).FullName, result.GetRequiredValue(bundle));
            var target = result.GetRequiredValue(version);
            return Report("promote", () =>
            {
                if (!File.Exists(Path.Combine(target, ModelBundle.ManifestFile)))
                {
                    return history.Publish(target, "promote", result.GetValue(force));
                }

                var kept = history.Keep(target);
                return kept.TryGetValue(out var keptVersion) ? history.Publish(keptVersion, "promote", result.GetValue(force)) : kept.FailAs<BundlePromotion>();
            }, history);
        });
        return command;
    }

    public static Command Rollback()
    {
        var (models, bundle) = Locations();
        var force = Force();
        var command = new Command("rollback", "Publish the bundle that served before the serving one was promoted, atomically; the service swaps to it.") { models, bundle, force };
        command.SetAction(result =>
        {
            var history = new BundleHistory(result.GetRequiredValue(models).FullName, result.GetRequiredValue(bundle));
            return Report("rollback", () => history.Rollback(result.GetValue(force)), history);
        });
        return command;
    }

    private static Option<bool> Force() =>
        new("--force") { Description = "Publish even when the serving bundle is damaged and cannot be kept in the history (it is lost; the output says what)." };

    private static int Report(string name, Func<ImrPredict.Core.Results.Result<BundlePromotion, BundleErrorCode>> publish, BundleHistory history)
    {
        try
        {
            var published = publish();
            if (!published.TryGetValue(out var promotion))
            {
                Console.Error.WriteLine($"imr {name}: {published.Error.Message}");
                return 1;
            }

            Console.WriteLine($"serving {promotion.Version} (was {promotion.Previous ?? "none"}) from {history.ServingDirectory}");
            if (promotion.Discarded is { } lost)
            {
                Console.Error.WriteLine($"imr {name}: warning: replaced without keeping it (--force), lost: {lost}");
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Console.Error.WriteLine($"imr {name}: {e.Message}; the serving bundle is as it was");
            return 1;
        }
    }

    private static (Option<DirectoryInfo> Models, Option<string> Bundle) Locations() => (ModelsOptions.Directory(), ModelsOptions.BundleName());
}
