using ImrPredict.ML.Training.Retraining;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr retrain</c>: champion and challenger on the most recent decisions, a promotion gate, and a publication a
/// scheduler can act on by exit code: 0 promoted (or recalibrated), 3 the champion kept, 1 an error.
/// </summary>
internal static class RetrainCommand
{
    /// <summary>Exit code: a new bundle was published (or, with --dry-run, would be).</summary>
    public const int Promoted = 0;

    /// <summary>Exit code: anything went wrong; nothing was published.</summary>
    public const int Failed = 1;

    /// <summary>Exit code: the champion keeps serving.</summary>
    public const int Kept = 3;

    private sealed record Arguments(string[] Data, DirectoryInfo? Store, DirectoryInfo Models, string Bundle, RetrainSettings Settings, DirectoryInfo? Report, bool DryRun, bool Force);

    public static Command Create()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files to retrain on instead of the store; repeatable.", AllowMultipleArgumentsPerToken = true };
        var store = new Option<bool>("--store") { Description = "Retrain on the store's decided letters (the default when --data is not given)." };
        var dataDirectory = StoreOptions.DataDirectory();
        var models = ModelsOptions.Directory();
        var bundle = ModelsOptions.BundleName();
        var holdout = new Option<double>("--holdout") { Description = "Share of items, latest by decision date, held out to compare champion and challenger.", DefaultValueFactory = _ => 0.2 };
        var minOverturned = new Option<int>("--min-holdout-overturned") { Description = "Overturned items the held-out period must hold at least.", DefaultValueFactory = _ => 10 };
        var maxAucDrop = new Option<double>("--max-auc-drop") { Description = "Refuse a challenger whose held-out ROC-AUC is lower than the champion's by more than this.", DefaultValueFactory = _ => 0.02 };
        var maxEceRise = new Option<double>("--max-ece-rise") { Description = "Refuse a challenger whose held-out ECE is higher than the champion's by more than this.", DefaultValueFactory = _ => 0.02 };
        var driftMargin = new Option<double>("--drift-margin") { Description = "The champion's calibration has drifted when its held-out ECE exceeds its validation ECE by more than this.", DefaultValueFactory = _ => 0.02 };
        var folds = new Option<int?>("--folds") { Description = "Grouped validation folds inside each training (default 3, or 2 from 50,000 items)." };
        var seed = new Option<int>("--seed") { Description = "Seed for folds, trainer and bootstrap.", DefaultValueFactory = _ => 1 };
        var trees = new Option<int?>("--trees") { Description = "FastTree trees (default by corpus size)." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Where to write the comparison report (default: MODELS/retrain/<run time>)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Compare and report, publish nothing; the exit code says what would happen." };
        var shuffle = new Option<bool>("--shuffle-labels") { Description = "Negative control: train the challenger on shuffled labels; the gate must refuse it (never publishes)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output (for schedulers)." };
        var force = new Option<bool>("--force") { Description = "Publish over a damaged serving bundle that cannot be kept in the history (it is lost; said in the output)." };
        var command = new Command("retrain", "Train a challenger on all but the latest decisions, compare it with the serving champion there, and publish it only if it passes the gate (exit 0 promoted, 3 kept, 1 error).")
        {
            data, store, dataDirectory, models, bundle, holdout, minOverturned, maxAucDrop, maxEceRise, driftMargin, folds, seed, trees, report, dryRun, shuffle, quiet, force,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var settings = new RetrainSettings
            {
                HoldoutShare = result.GetValue(holdout),
                MinimumHoldoutOverturned = result.GetValue(minOverturned),
                MaxAucDrop = result.GetValue(maxAucDrop),
                MaxEceRise = result.GetValue(maxEceRise),
                DriftMargin = result.GetValue(driftMargin),
                Folds = result.GetValue(folds),
                Seed = result.GetValue(seed),
                Trees = result.GetValue(trees),
                ShuffleLabels = result.GetValue(shuffle),
            };
            var paths = result.GetValue(data) ?? [];
            var args = new Arguments(paths, paths.Length == 0 || result.GetValue(store) ? result.GetRequiredValue(dataDirectory) : null,
                result.GetRequiredValue(models), result.GetRequiredValue(bundle), settings, result.GetValue(report), result.GetValue(dryRun) || settings.ShuffleLabels, result.GetValue(force));
            var console = new ConsoleProgress(result.GetValue(quiet));
            try
            {
                return Task.FromResult(Run(args, console, cancellationToken));
            }
            catch (OperationCanceledException)
            {
                return Task.FromResult(Fail("cancelled; nothing was published"));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return Task.FromResult(Fail($"{e.Message}; the serving bundle and the history are as they were"));
            }
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"imr retrain: {message}");
        return Failed;
    }

    private static int Run(Arguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var s = args.Settings;
        if (args.Data.Length > 0 && args.Store is not null)
        {
            return Fail("give --store or --data, not both");
        }

        if (s.HoldoutShare is <= 0 or > 0.5 || s.MaxAucDrop < 0 || s.MaxEceRise < 0 || s.DriftMargin < 0 || s.Folds is < 2 or > 20 || s.MinimumHoldoutOverturned < 1)
        {
            return Fail("--holdout must be in (0, 0.5], margins at least 0, --folds 2 to 20, --min-holdout-overturned at least 1");
        }

        var history = new BundleHistory(args.Models.FullName, args.Bundle);
        var letters = ReadLetters(args, console, cancellationToken, out var source, out var generated);
        if (letters is null)
        {
            return Failed;
        }

        if (generated * 2 >= letters.Count && generated > 0)
        {
            // A store still mostly demo letters: learn what transfers (criteria, item, numbers), not the generator's wording.
            s = s with { MostlyGenerated = true };
            console.Say($"{generated:N0} of {letters.Count:N0} letters are generated demo letters: the challenger reads criteria, item and numbers, not the summaries' words");
        }

        var ml = new MLContext(seed: s.Seed);
        if (Champion(ml, history, console, out var champion) is { } notLetters)
        {
            return Fail(notLetters);
        }

        var compared = console.Run("retraining", (_, status) => RetrainJob.Compare(ml, letters, champion, s, status, cancellationToken));
        if (!compared.TryGetValue(out var comparison))
        {
            return Fail($"{compared.Error.Message}; nothing was published");
        }

        var runTime = DateTimeOffset.UtcNow;
        var reportDirectory = args.Report?.FullName ?? Path.Combine(history.ModelsDirectory, "retrain", runTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture));
        var verdict = Verdict(comparison, args.DryRun, s.ShuffleLabels);
        console.Say("writing the comparison report and its plots");
        ComparisonReport.Write(reportDirectory, comparison, s, verdict);
        Print(comparison);
        Console.WriteLine(verdict);
        Console.WriteLine($"report: {Path.Combine(reportDirectory, "report.md")}");
        if (comparison.Decision == RetrainDecision.Keep)
        {
            return Kept;
        }

        if (args.DryRun)
        {
            return s.ShuffleLabels ? Kept : Promoted;
        }

        return Publish(ml, letters, champion, comparison, s, source, reportDirectory, args, history, console, cancellationToken);
    }

    /// <summary>
    /// The serving bundle as the champion (none when the folder is empty or its bundle cannot be loaded, which is said); an
    /// error when it is not a letters model.
    /// </summary>
    private static string? Champion(MLContext ml, BundleHistory history, ConsoleProgress console, out LoadedBundle? champion)
    {
        champion = null;
        if (!Directory.Exists(history.ServingDirectory))
        {
            return null;
        }

        var loaded = ModelBundle.Load(ml, history.ServingDirectory);
        if (!loaded.TryGetValue(out var found))
        {
            console.Say($"the serving bundle cannot be loaded ({loaded.Error.Message}): the challenger is compared with no champion");
            return null;
        }

        champion = found;
        return found.Manifest.CorpusKind == "letters" ? null : $"the serving bundle {found.Manifest.BundleVersion} is a {found.Manifest.CorpusKind} model; retrain compares letters models";
    }

    /// <summary>Writes the refit (or the champion recalibrated) beside the models, keeps it in the history and serves it; the exit code.</summary>
    private static int Publish(MLContext ml, IReadOnlyList<ImrLetter> letters, LoadedBundle? champion, RetrainComparison comparison, RetrainSettings s, string source,
        string reportDirectory, Arguments args, BundleHistory history, ConsoleProgress console, CancellationToken cancellationToken)
    {
        // The serving bundle joins the history first, so a rollback can always return to it; a damaged one stops the run
        // before the refit unless --force.
        if (history.Adopt("in place") is { Success: false } notKept && !args.Force)
        {
            return Fail($"the serving bundle could not be kept in the history ({notKept.Error.Message}); nothing was published (pass --force to replace it anyway)");
        }

        var staging = Path.Combine(history.ModelsDirectory, $".retrain.tmp-{Guid.NewGuid():N}");
        try
        {
            var written = comparison.Decision == RetrainDecision.Promote
                ? WriteRefit(ml, letters, comparison, s, source, staging, reportDirectory, console, cancellationToken)
                : WriteRecalibrated(ml, champion!, comparison, staging, reportDirectory);
            if (written is not null)
            {
                return Fail(written);
            }

            var kept = history.Keep(staging);
            if (!kept.TryGetValue(out var version))
            {
                return Fail($"{kept.Error.Message}; nothing was published");
            }

            var published = history.Publish(version, comparison.Decision == RetrainDecision.Promote ? "retrain" : "recalibrate", args.Force);
            if (!published.TryGetValue(out var promotion))
            {
                return Fail($"{published.Error.Message}; the champion keeps serving");
            }

            if (promotion.Discarded is { } lost)
            {
                Console.Error.WriteLine($"imr retrain: warning: replaced without keeping it (--force), lost: {lost}");
            }

            Console.WriteLine($"published {version} to {history.ServingDirectory} (kept in {history.PathOf(version)})");
            return Promoted;
        }
        finally
        {
            if (Directory.Exists(staging))
            {
                Directory.Delete(staging, recursive: true);
            }
        }
    }

    private static string Verdict(RetrainComparison comparison, bool dryRun, bool shuffled)
    {
        var would = dryRun ? (shuffled ? "negative control, nothing published: the gate would " : "dry run, nothing published: would ") : string.Empty;
        return comparison.Decision switch
        {
            RetrainDecision.Promote => $"{would}PROMOTE the challenger: {comparison.Because}",
            RetrainDecision.Recalibrate => $"{would}RECALIBRATE the champion: {comparison.Because}",
            _ => $"KEEP the champion: {comparison.Because}",
        };
    }

    private static void Print(RetrainComparison comparison)
    {
        var split = comparison.Split;
        Console.WriteLine($"held out {split.Holdout.Count:N0} letters ({split.HoldoutItems:N0} items, {split.HoldoutOverturned:N0} overturned) decided {split.HoldoutFrom:yyyy-MM-dd} to {split.HoldoutThrough:yyyy-MM-dd}; challenger trained on {comparison.Challenger.Rows:N0} items");
        foreach (var model in new[] { comparison.Champion, comparison.Recalibrated, comparison.ChallengerScores }.OfType<ModelOnHoldout>())
        {
            var m = model.Metrics;
            var auc = model.Intervals is { } i ? $" [{i.RocAuc.Lower:F3}, {i.RocAuc.Upper:F3}]" : string.Empty;
            var ece = model.Intervals is { } j ? $" [{j.Ece.Lower:F3}, {j.Ece.Upper:F3}]" : string.Empty;
            Console.WriteLine($"  {model.Name,-30} ROC-AUC {m.RocAuc:F3}{auc}  PR-AUC {m.PrAuc:F3}  log-loss {m.LogLoss:F3}  ECE {m.Ece:F3}{ece}  top10% {m.Top10Recall:P0}");
        }
    }

    private static IReadOnlyList<ImrLetter>? ReadLetters(Arguments args, ConsoleProgress console, CancellationToken cancellationToken, out string source, out int generated)
    {
        generated = 0;
        if (args.Store is not null)
        {
            var read = StoreLetters.Read(args.Store.FullName, null, null, cancellationToken);
            if (!read.TryGetValue(out var stored))
            {
                source = string.Empty;
                Fail(read.Error.Message);
                return null;
            }

            source = $"{stored.Description} through sequence {stored.Through}";
            console.Say($"read {stored.Letters.Count:N0} letters from the {source}");
            generated = stored.Generated;
            return stored.Letters;
        }

        var missing = args.Data.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            source = string.Empty;
            Fail($"no such data folder or file: {string.Join(", ", missing)}");
            return null;
        }

        var loaded = console.Run("parsing letters", (counts, _) => LetterLoader.Load(args.Data, counts, cancellationToken));
        source = string.Join(", ", args.Data.Select(Path.GetFullPath));
        console.Say($"read {loaded.Letters:N0} letters; {loaded.Failures.Count:N0} could not be read");
        return loaded.Parsed;
    }

    private static string? WriteRefit(MLContext ml, IReadOnlyList<ImrLetter> letters, RetrainComparison comparison, RetrainSettings settings, string source, string staging,
        string reportDirectory, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var trained = console.Run("refitting", (_, status) => RetrainJob.Refit(ml, letters, comparison, settings, status, cancellationToken));
        console.Say("writing the bundle and its report");
        var options = RetrainJob.OptionsFor(trained.Rows, settings);
        var description = new BundleDescription("letters", "letters", options, ImrPipeline.FeatureBlocksFor(options), ModelBundle.LetterInputColumns,
            [$"{source} (retrain)"], null, letters.Max(l => l.Header.DecisionDate));
        var saved = BundleBuilder.Save(ml, staging, trained, description, overwrite: false, (folder, version) =>
        {
            BundleReport.Write(folder, version, trained.Validation.Folds.Max() + 1, trained, null);
            CopyReport(reportDirectory, folder);
        });
        return saved.Success ? null : $"{saved.Error.Message}; nothing was published";
    }

    private static string? WriteRecalibrated(MLContext ml, LoadedBundle champion, RetrainComparison comparison, string staging, string reportDirectory)
    {
        var (calibration, threshold) = RetrainJob.Recalibration(ml, champion, comparison);
        var created = DateTimeOffset.UtcNow;
        var manifest = champion.Manifest with
        {
            BundleVersion = BundleBuilder.Version("letters-recalibrated", created, champion.Manifest.DataFingerprint),
            CreatedUtc = created,
            Calibration = calibration,
            Threshold = threshold,
            RecalibratedFrom = champion.Manifest.BundleVersion,
            DataSources = [.. champion.Manifest.DataSources, $"calibration refitted on {calibration.FittedOn}"],
        };
        Directory.CreateDirectory(staging);
        // The model and its validation report are the champion's; the calibration, threshold and comparison are new.
        foreach (var file in Directory.EnumerateFiles(champion.Directory)
            .Where(f => Path.GetFileName(f) is not ModelBundle.ManifestFile and not BundlePromotion.FileName))
        {
            File.Copy(file, Path.Combine(staging, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(staging, ModelBundle.ManifestFile), System.Text.Json.JsonSerializer.Serialize(manifest, ModelManifest.JsonOptions));
        CopyReport(reportDirectory, staging);
        return null;
    }

    /// <summary>The comparison report travels with the bundle it led to, in its <c>retrain/</c> folder.</summary>
    private static void CopyReport(string reportDirectory, string bundleFolder)
    {
        var target = Path.Combine(bundleFolder, "retrain");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(reportDirectory))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }
}
