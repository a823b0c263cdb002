using System.Diagnostics;
using ImrPredict.ML;

namespace ImrPredict.Training.Commands;

/// <summary><c>imr train</c>: a versioned model bundle from letter folders or the DMHC export.</summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files (any form the parser reads); repeatable.", AllowMultipleArgumentsPerToken = true };
        var dmhc = new Option<FileInfo?>("--dmhc") { Description = "A DMHC IMR export (CSV) to train the DMHC model from instead of letters." };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The bundle folder to write.", Required = true };
        var seed = new Option<int>("--seed") { Description = "Seed for folds and the trainer.", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--folds") { Description = "Grouped validation folds that choose the threshold.", DefaultValueFactory = _ => 3 };
        var trees = new Option<int?>("--trees") { Description = "FastTree trees (default by corpus size)." };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the logistic-regression baseline in the bundle's report." };
        var force = new Option<bool>("--force") { Description = "Replace an existing bundle at --out." };
        var years = new Option<string?>("--years") { Description = "With --dmhc: report years to train on, e.g. 2001-2013 or ..2013." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output (for jobs)." };
        var store = new Option<bool>("--store") { Description = "Train on the decided letters of the store (the service's; see --data-dir)." };
        var dataDirectory = StoreOptions.DataDirectory();
        var decidedBefore = new Option<DateOnly?>("--decided-before") { Description = "With --store: only letters decided before this date (yyyy-MM-dd), for time splits." };
        var decidedFrom = new Option<DateOnly?>("--decided-from") { Description = "With --store: only letters decided on or after this date (yyyy-MM-dd)." };
        var command = new Command("train", "Train a FastTree model bundle (model.zip, manifest.json, report) from the store, letter folders or the DMHC export.")
        {
            data, store, dataDirectory, decidedBefore, decidedFrom, dmhc, years, output, seed, folds, trees, noBaseline, force, quiet,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(new TrainArguments(
            result.GetValue(data) ?? [], result.GetValue(dmhc), result.GetRequiredValue(output), result.GetValue(seed), result.GetValue(folds),
            result.GetValue(trees), !result.GetValue(noBaseline), result.GetValue(force), result.GetValue(years),
            result.GetValue(store) ? result.GetRequiredValue(dataDirectory) : null, result.GetValue(decidedFrom), result.GetValue(decidedBefore)),
            new ConsoleProgress(result.GetValue(quiet)), cancellationToken)));
        return command;
    }

    private sealed record TrainArguments(string[] Data, FileInfo? Dmhc, DirectoryInfo Output, int Seed, int Folds, int? Trees, bool Baseline, bool Force, string? Years,
        DirectoryInfo? Store, DateOnly? DecidedFrom, DateOnly? DecidedBefore)
    {
        public YearRange? ReportYears => YearRange.Parse(Years);
    }

    private static int Run(TrainArguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        if ((args.Data.Length > 0 ? 1 : 0) + (args.Dmhc is not null ? 1 : 0) + (args.Store is not null ? 1 : 0) != 1)
        {
            Console.Error.WriteLine("imr train: give one of --store (the store's letters), --data (letter folders) or --dmhc (the DMHC export)");
            return 2;
        }

        if ((args.DecidedFrom is not null || args.DecidedBefore is not null) && args.Store is null)
        {
            Console.Error.WriteLine("imr train: --decided-from and --decided-before need --store");
            return 2;
        }

        if (args.Years is not null && (args.Dmhc is null || args.ReportYears is null))
        {
            Console.Error.WriteLine($"imr train: --years '{args.Years}' needs --dmhc and a range like 2001-2013, ..2013 or 2014..");
            return 2;
        }

        if (args.Folds is < 2 or > 20)
        {
            Console.Error.WriteLine("imr train: --folds must be between 2 and 20");
            return 2;
        }

        if (args.Output.Exists && !args.Force)
        {
            Console.Error.WriteLine($"imr train: '{args.Output.FullName}' already exists; choose another --out or pass --force to replace it");
            return 2;
        }

        return args.Store is not null ? TrainStore(args, console, cancellationToken)
            : args.Dmhc is null ? TrainLetters(args, console, cancellationToken)
            : TrainDmhc(args, console, cancellationToken);
    }

    /// <summary>Training data that cannot train: said once, exit code 1, nothing written.</summary>
    private static int Refuse(string message)
    {
        Console.Error.WriteLine($"imr train: {message}; nothing was written");
        return 1;
    }

    private static int TrainLetters(TrainArguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var missing = args.Data.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            return Refuse($"no such data folder or file: {string.Join(", ", missing)}");
        }

        var loaded = console.Run("parsing letters", (counts, _) => LetterLoader.Load(args.Data, counts, cancellationToken));
        console.Say($"read {loaded.Letters:N0} letters, {loaded.Rows.Count:N0} items ({loaded.Rows.Count(r => r.Label):N0} overturned); {loaded.Failures.Count:N0} letters could not be read");
        foreach (var failure in loaded.Failures.Take(10))
        {
            console.Say($"  skipped {failure.Path}: {failure.Error}");
        }

        var options = PipelineOptions.ForSmallCorpus(loaded.Rows.Count) with { Seed = args.Seed };
        if (args.Trees is { } trees)
        {
            options = options with { NumberOfTrees = trees };
        }

        var oracle = OracleAuc.FromTruthFiles(args.Data, loaded.Rows);
        return Train(args, console, LetterCorpus.Instance, loaded.Rows, options, ModelBundle.LetterInputColumns, oracle, cancellationToken,
            args.Data.Select(Path.GetFullPath).ToList(), loaded.Parsed.Max(l => l.Header.DecisionDate));
    }

    /// <summary>The store's parsed, undeleted letters (within the decision-date window), recorded with the store's sequence so the run can be reproduced.</summary>
    private static int TrainStore(TrainArguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var read = StoreLetters.Read(args.Store!.FullName, args.DecidedFrom, args.DecidedBefore, cancellationToken);
        if (!read.TryGetValue(out var stored))
        {
            return Refuse(read.Error.Message);
        }

        var rows = stored.Letters.SelectMany(ItemRows.From).ToList();
        console.Say($"read {stored.Letters.Count:N0} letters, {rows.Count:N0} items ({rows.Count(r => r.Label):N0} overturned) from the {stored.Description} through sequence {stored.Through}");
        var options = PipelineOptions.ForSmallCorpus(rows.Count) with { Seed = args.Seed };
        if (args.Trees is { } trees)
        {
            options = options with { NumberOfTrees = trees };
        }

        var window = args.DecidedFrom is null && args.DecidedBefore is null ? string.Empty
            : $", decided {args.DecidedFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "any time"} to before {args.DecidedBefore?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? "now"}";
        return Train(args, console, LetterCorpus.Instance, rows, options, ModelBundle.LetterInputColumns, null, cancellationToken,
            [$"{stored.Description} through sequence {stored.Through}{window}"], stored.Letters.Max(l => l.Header.DecisionDate));
    }

    private static int TrainDmhc(TrainArguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var export = DmhcCsv.Read(args.Dmhc!.FullName, args.ReportYears);
        if (!export.TryGetValue(out var read))
        {
            return Refuse(export.Error.Message);
        }

        console.Say($"read {read.Rows.Count:N0} DMHC decisions ({read.Rows.Count(r => r.Label):N0} overturned); findings text {(read.HasFindings ? "present" : "absent")}; {read.SkippedRows} rows skipped");
        var spec = new DmhcCorpus(read.HasFindings);
        var options = DmhcCorpus.DefaultOptions(args.Seed, args.Trees);
        return Train(args, console, spec, read.Rows, options, spec.InputColumns, null, cancellationToken, [args.Dmhc.FullName]);
    }

    private static int Train<TRow>(TrainArguments args, ConsoleProgress console, ICorpusSpec<TRow> spec, IReadOnlyList<TRow> rows,
        PipelineOptions options, IReadOnlyList<string> inputColumns, double? oracleAuc, CancellationToken cancellationToken, IReadOnlyList<string> sources,
        DateOnly? trainedThrough = null)
        where TRow : class
    {
        if (ModelTrainer.Check(rows, spec, args.Folds) is { } refused)
        {
            return Refuse(refused.Message);
        }

        var ml = new MLContext(seed: args.Seed);
        var stopwatch = Stopwatch.StartNew();
        var trained = console.Run("training", (_, status) =>
            ModelTrainer.Train(ml, rows, spec, options, args.Folds, args.Baseline, status, cancellationToken).Value);
        console.Say($"trained in {stopwatch.Elapsed.TotalSeconds:N0} s; validation ROC-AUC {trained.ValidationMetrics.RocAuc:F3}, threshold {trained.Threshold.Value:F3} (precision {trained.Threshold.Precision:F3}, recall {trained.Threshold.Recall:F3})");

        var description = new BundleDescription(spec.Kind, spec.Kind, options, spec.Features, inputColumns, sources, args.ReportYears, trainedThrough);
        // A bundle replaced in place (--force over models/default) joins the history first, so imr rollback can return to it.
        var history = new BundleHistory(Path.GetDirectoryName(args.Output.FullName)!, args.Output.Name);
        var replacing = File.Exists(Path.Combine(args.Output.FullName, ModelBundle.ManifestFile));
        if (replacing && history.Adopt("in place") is { Success: false } notKept)
        {
            Console.Error.WriteLine($"imr train: warning: the bundle at {args.Output.FullName} cannot be kept in the history ({notKept.Error.Message}); --force replaces it and it is lost");
        }

        var saved = BundleBuilder.Save(ml, args.Output.FullName, trained, description, args.Force,
            (folder, version) => BundleReport.Write(folder, version, args.Folds, trained, oracleAuc));
        if (!saved.TryGetValue(out var version))
        {
            Console.Error.WriteLine($"imr train: {saved.Error.Message}");
            return 2;
        }

        Console.WriteLine($"wrote bundle {version} to {args.Output.FullName}");
        if (replacing && history.Adopt("train") is { Success: false } notRecorded)
        {
            Console.Error.WriteLine($"imr train: warning: the new bundle was not recorded in the history ({notRecorded.Error.Message})");
        }

        return 0;
    }
}
