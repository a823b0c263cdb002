using ImrPredict.ML;
using ImrPredict.ML.Prediction;
using ImrPredict.ML.Training.Calibration;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr evaluate</c>: a bundle on held-out letters or DMHC rows (<c>--model</c>), or grouped cross-validation of
/// the pipeline (<c>--cv K</c>); always next to the always-Upheld and logistic-regression baselines.
/// </summary>
internal static class EvaluateCommand
{
    private sealed record Arguments(string? Model, string[] Data, FileInfo? Dmhc, YearRange? Years, int Cv, int Repeats, FileInfo? MetricsOut, DirectoryInfo? Report, int Seed, bool Baseline, int AddGenerated);

    public static Command Create()
    {
        var model = new Option<string?>("--model", "-m") { Description = "A model bundle folder to evaluate on held-out data." };
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files; repeatable.", AllowMultipleArgumentsPerToken = true };
        var dmhc = new Option<FileInfo?>("--dmhc") { Description = "A DMHC export (CSV or JSON Lines)." };
        var years = new Option<string?>("--years") { Description = "With --dmhc: report years to evaluate on, e.g. 2014-2016." };
        var cv = new Option<int>("--cv") { Description = "Grouped k-fold cross-validation of the pipeline instead of a bundle (k >= 2)." };
        var addGenerated = new Option<int>("--add-generated") { Description = "With --cv on letters: also fit the default bundle's recipe on each training fold plus this many generated letters." };
        var repeats = new Option<int>("--repeats") { Description = "With --cv on letters: repeat the cross-validation with new folds this many times; figures are means with bootstrap intervals.", DefaultValueFactory = _ => 1 };
        var metricsOut = new Option<FileInfo?>("--metrics-out") { Description = "Write the metrics as JSON here." };
        var report = new Option<DirectoryInfo?>("--report") { Description = "Write report.md and ROC, PR and calibration plots here." };
        var seed = new Option<int>("--seed") { Description = "Seed for folds, trainers and the bootstrap.", DefaultValueFactory = _ => 1 };
        var noBaseline = new Option<bool>("--no-baseline") { Description = "Skip the logistic-regression baseline." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };
        var command = new Command("evaluate", "Evaluate a bundle on held-out data, or cross-validate the pipeline, with baselines, intervals and a report.")
        {
            model, data, dmhc, years, cv, repeats, addGenerated, metricsOut, report, seed, noBaseline, quiet,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var yearsText = result.GetValue(years);
            var args = new Arguments(result.GetValue(model), result.GetValue(data) ?? [], result.GetValue(dmhc), YearRange.Parse(yearsText),
                result.GetValue(cv), result.GetValue(repeats), result.GetValue(metricsOut), result.GetValue(report), result.GetValue(seed), !result.GetValue(noBaseline), result.GetValue(addGenerated));
            if ((args.Data.Length > 0) == (args.Dmhc is not null))
            {
                return Task.FromResult(Fail("give either --data (letters) or --dmhc (a DMHC export)"));
            }

            if ((args.Model is null) == (args.Cv < 2))
            {
                return Task.FromResult(Fail("give either --model BUNDLE (held-out evaluation) or --cv K with K >= 2 (cross-validation)"));
            }

            if (args.Repeats < 1 || (args.Repeats > 1 && (args.Cv < 2 || args.Dmhc is not null)))
            {
                return Task.FromResult(Fail($"--repeats {args.Repeats}: give a count of 1 or more, and more than 1 only with --cv on letters"));
            }

            if (yearsText is not null && (args.Years is null || args.Dmhc is null))
            {
                return Task.FromResult(Fail($"--years '{yearsText}' needs --dmhc and a range like 2014-2016"));
            }

            return Task.FromResult(Run(args, new ConsoleProgress(result.GetValue(quiet)), cancellationToken));
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"imr evaluate: {message}");
        return 2;
    }

    private static int Run(Arguments args, ConsoleProgress console, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed: args.Seed);
        if (args.Dmhc is not null)
        {
            var export = DmhcCsv.Read(args.Dmhc.FullName, args.Years);
            if (!export.TryGetValue(out var read))
            {
                return Fail(export.Error.Message);
            }

            console.Say($"read {read.Rows.Count:N0} DMHC decisions ({read.Rows.Count(r => r.Label):N0} overturned)");
            return args.Model is null
                ? CrossValidate(args, console, ml, new DmhcCorpus(read.HasFindings), read.Rows, DmhcOptions(args.Seed), null, cancellationToken)
                : HoldOut(args, console, ml, read.Rows, new DmhcCorpus(read.HasFindings), rows => ScoreDmhc(ml, args.Model, rows), null, cancellationToken);
        }

        var loaded = console.Run("parsing letters", (counts, _) => LetterLoader.Load(args.Data, counts, cancellationToken));
        console.Say($"read {loaded.Letters:N0} letters, {loaded.Rows.Count:N0} items ({loaded.Rows.Count(r => r.Label):N0} overturned); {loaded.Failures.Count} could not be read");
        var oracle = OracleAuc.FromTruthFiles(args.Data, loaded.Rows);
        return args.Model is null
            ? LetterCrossValidation.Run(ml, loaded.Rows, PipelineOptions.ForSmallCorpus(loaded.Rows.Count) with { Seed = args.Seed },
                new LetterCrossValidation.Settings(args.Cv, args.Repeats, args.Seed, args.Baseline, args.Report, args.MetricsOut, oracle, args.AddGenerated), console, cancellationToken)
            : HoldOut(args, console, ml, loaded.Rows, LetterCorpus.Instance, rows => ScoreLetters(ml, args.Model, rows), oracle, cancellationToken);
    }

    private static PipelineOptions DmhcOptions(int seed) =>
        DmhcCorpus.DefaultOptions(seed, null);

    private static int CrossValidate<TRow>(Arguments args, ConsoleProgress console, MLContext ml, ICorpusSpec<TRow> spec, IReadOnlyList<TRow> rows,
        PipelineOptions options, double? oracle, CancellationToken cancellationToken)
        where TRow : class
    {
        if (ModelTrainer.Check(rows, spec, args.Cv) is { } refused)
        {
            return Fail(refused.Message);
        }

        var oof = console.Run("cross-validating", (_, status) => CrossValidator.Run(ml, rows, spec, options, args.Cv, args.Baseline, status, cancellationToken));
        var calibrated = CalibrationFitter.CrossFitted(oof.Model, oof.Labels, oof.Folds, args.Cv);
        var raw = EvaluationReport.Metrics(oof.Model, oof, oof.Thresholds);
        var models = new List<ScoredModel>
        {
            new("FastTree, calibrated", EvaluationReport.Calibrated(raw, calibrated, oof.Labels, oof.Groups, CrossValidator.CrossFittedThresholds(calibrated, oof.Labels, oof.Folds, args.Cv)), oof.Model),
            new("FastTree, raw", raw, oof.Model),
        };
        if (oof.Logistic is not null)
        {
            models.Add(new ScoredModel("logistic regression", EvaluationReport.Metrics(oof.Logistic, oof, CrossValidator.CrossFittedThresholds(oof.Logistic, oof.Labels, oof.Folds, args.Cv)), oof.Logistic));
        }

        models.Add(new ScoredModel("always Upheld", EvaluationReport.Metrics(oof.Constant, oof, oof.Constant.Select(_ => 1.01).ToArray()), oof.Constant));
        var notes = new List<string>
        {
            $"{args.Cv}-fold cross-validation grouped by {(spec.Kind == "letters" ? "letter" : "case")}: no {(spec.Kind == "letters" ? "letter" : "case")} is in both a training and a test fold.",
            "Thresholds are cross-fitted: each fold's threshold is the best-F1 threshold on the other folds' out-of-fold probabilities.",
            EvaluationReport.CalibrationMethodNote,
            $"Intervals: 95% bootstrap over {(spec.Kind == "letters" ? "letters" : "cases")} (1,000 resamples) when fewer than {EvaluationReport.BootstrapBelow:N0} items.",
        };
        return Finish(args, $"Cross-validation ({spec.Kind})", notes, models, oof.Labels, oracle, "cv");
    }

    private static int HoldOut<TRow>(Arguments args, ConsoleProgress console, MLContext ml, IReadOnlyList<TRow> rows, ICorpusSpec<TRow> spec,
        Func<IReadOnlyList<TRow>, (double[] Probabilities, LoadedBundle Bundle)?> score, double? oracle, CancellationToken cancellationToken)
        where TRow : class
    {
        if (rows.Count == 0)
        {
            return Fail("no items to evaluate on");
        }

        var scored = score(rows);
        if (scored is null)
        {
            return 1;
        }

        var (probabilities, bundle) = scored.Value;
        if (bundle.Manifest.CorpusKind != spec.Kind)
        {
            return Fail($"the bundle is a {bundle.Manifest.CorpusKind} model; this data is {spec.Kind}");
        }

        var labels = rows.Select(spec.LabelOf).ToArray();
        var groups = rows.Select(spec.GroupOf).ToArray();
        var threshold = bundle.Manifest.Threshold.Value;
        var models = new List<ScoredModel> { new($"bundle {bundle.Manifest.BundleVersion}", EvaluationReport.Metrics(probabilities, labels, groups, Same(threshold, rows.Count)), probabilities) };
        if (rows is IReadOnlyList<ItemRow> items && ItemPredictor.Create(ml, bundle).TryGetValue(out var predictor))
        {
            var audit = ReasonAudit.Run(predictor, items);
            Console.WriteLine($"Reasons, top {3} of each item as the service shows them: {audit.WithCriterion:N0} of {audit.Items:N0} items ({(double)audit.WithCriterion / Math.Max(1, audit.Items):P0}) have a criterion among them; "
                + $"{audit.Unreadable:N0} unreadable (stop word, bare number, fragment, model token){(audit.Examples.Count > 0 ? ": " + string.Join(" | ", audit.Examples) : string.Empty)}");
        }

        var notes = new List<string>
        {
            $"Held-out evaluation of bundle {bundle.Manifest.BundleVersion} (trained on {bundle.Manifest.Rows:N0} items{(bundle.Manifest.ReportYears is { } y ? $", report years {y.From}-{y.To}" : string.Empty)}) at its threshold {threshold:F3}.",
            $"Intervals: 95% bootstrap over {(spec.Kind == "letters" ? "letters" : "cases")} when fewer than {EvaluationReport.BootstrapBelow:N0} items.",
        };

        if (args.Baseline && TrainingRowsOf(bundle, spec) is { } trainingRows)
        {
            console.Say($"training the logistic-regression baseline on the bundle's {trainingRows.Count:N0} training items");
            var options = bundle.Manifest.TrainerOptions;
            var baseline = spec.BuildBaseline(ml, options).Fit(ml.Data.LoadFromEnumerable(trainingRows));
            var trainProbabilities = CrossValidator.Probabilities(ml, baseline.Transform(ml.Data.LoadFromEnumerable(trainingRows)));
            var baselineThreshold = BinaryMetrics.BestF1Threshold(trainProbabilities, trainingRows.Select(spec.LabelOf).ToArray()).Threshold;
            var logistic = CrossValidator.Probabilities(ml, baseline.Transform(ml.Data.LoadFromEnumerable(rows)));
            models.Add(new ScoredModel("logistic regression", EvaluationReport.Metrics(logistic, labels, groups, Same(baselineThreshold, rows.Count)), logistic));
            notes.Add("The logistic-regression baseline is trained on the bundle's own training data (its manifest's sources) with the same features; its threshold is its best F1 on that data.");
        }

        var prevalence = (double)bundle.Manifest.Labels.Overturned / Math.Max(1, bundle.Manifest.Rows);
        var constant = Same(prevalence, rows.Count);
        models.Add(new ScoredModel("always Upheld", EvaluationReport.Metrics(constant, labels, groups, Same(1.01, rows.Count)), constant));
        return Finish(args, $"Held-out evaluation ({spec.Kind})", notes, models, labels, oracle, "holdout");
    }

    private static IReadOnlyList<TRow>? TrainingRowsOf<TRow>(LoadedBundle bundle, ICorpusSpec<TRow> spec)
        where TRow : class
    {
        var sources = bundle.Manifest.DataSources.Where(s => File.Exists(s) || Directory.Exists(s)).ToList();
        if (sources.Count == 0)
        {
            return null;
        }

        object rows = spec.Kind == "letters"
            ? LetterLoader.Load(sources).Rows
            : DmhcCsv.Read(sources[0], bundle.Manifest.ReportYears) is { Success: true } export ? export.Value.Rows : [];
        return rows as IReadOnlyList<TRow>;
    }

    private static (double[], LoadedBundle)? ScoreLetters(MLContext ml, string model, IReadOnlyList<ItemRow> rows)
    {
        var loaded = ModelBundle.Load(ml, model);
        if (!loaded.TryGetValue(out var bundle))
        {
            Console.Error.WriteLine($"imr evaluate: {loaded.Error}");
            return null;
        }

        var created = ItemPredictor.Create(ml, bundle);
        if (!created.TryGetValue(out var predictor))
        {
            Console.Error.WriteLine($"imr evaluate: {created.Error}");
            return null;
        }

        return (predictor.PredictBatch(rows), bundle);
    }

    private static (double[], LoadedBundle)? ScoreDmhc(MLContext ml, string model, IReadOnlyList<DmhcRow> rows)
    {
        var loaded = ModelBundle.Load(ml, model);
        if (!loaded.TryGetValue(out var bundle))
        {
            Console.Error.WriteLine($"imr evaluate: {loaded.Error}");
            return null;
        }

        if (bundle.Manifest.CorpusKind != "dmhc")
        {
            Console.Error.WriteLine($"imr evaluate: the bundle is a {bundle.Manifest.CorpusKind} model; --dmhc needs a dmhc model");
            return null;
        }

        // Served as a bundle serves: the raw probability through the bundle's calibration.
        return (ModelScores.Served(CrossValidator.Probabilities(ml, bundle.Model.Transform(ml.Data.LoadFromEnumerable(rows))), bundle.Manifest.Calibration), bundle);
    }

    private static double[] Same(double value, int count) => Enumerable.Repeat(value, count).ToArray();

    private static int Finish(Arguments args, string title, List<string> notes, List<ScoredModel> models, bool[] labels, double? oracle, string mode)
    {
        var main = models[0].Metrics;
        Console.WriteLine($"{title}: {main.N:N0} items, {main.Positives:N0} overturned");
        foreach (var model in models)
        {
            var m = model.Metrics;
            var interval = m.RocAucInterval is { } i ? $" [{i.Lower:F3}, {i.Upper:F3}]" : string.Empty;
            Console.WriteLine($"  {model.Name,-45} ROC-AUC {m.RocAuc:F3}{interval}  PR-AUC {m.PrAuc:F3}  log-loss {m.LogLoss:F3}  Brier {m.Brier:F3}  ECE {m.Ece:F3}  macro-F1 {m.MacroF1:F3}  top10% {m.Top10Recall:P0}  top20% {m.Top20Recall:P0}");
        }

        if (oracle is { } o)
        {
            Console.WriteLine($"  oracle ROC-AUC (true probabilities) {o:F3}; model / oracle = {main.RocAuc / o:P1}");
        }

        if (args.Report is not null)
        {
            EvaluationReport.Write(args.Report.FullName, title, notes, models, labels, oracle);
            Console.WriteLine($"  report: {Path.Combine(args.Report.FullName, "report.md")}");
        }

        if (args.MetricsOut is not null)
        {
            var json = new Dictionary<string, object?>
            {
                ["mode"] = mode,
                ["folds"] = mode == "cv" ? args.Cv : null,
                ["n"] = main.N,
                ["positives"] = main.Positives,
                ["rocAuc"] = main.RocAuc,
                ["prAuc"] = main.PrAuc,
                ["logLoss"] = main.LogLoss,
                ["brier"] = main.Brier,
                ["ece"] = main.Ece,
                ["top10Recall"] = main.Top10Recall,
                ["top20Recall"] = main.Top20Recall,
                ["balancedAccuracy"] = main.BalancedAccuracy,
                ["macroF1"] = main.MacroF1,
                ["threshold"] = main.Threshold,
                ["rocAucInterval"] = main.RocAucInterval,
                ["prAucInterval"] = main.PrAucInterval,
                ["reliability"] = main.Reliability,
                ["oracleAuc"] = oracle,
                ["baselines"] = models.Skip(1).ToDictionary(m => m.Name, m => m.Metrics),
            };
            Directory.CreateDirectory(args.MetricsOut.DirectoryName ?? ".");
            File.WriteAllText(args.MetricsOut.FullName, JsonSerializer.Serialize(json, ModelManifest.JsonOptions));
            Console.WriteLine($"  metrics: {args.MetricsOut.FullName}");
        }

        return 0;
    }
}
