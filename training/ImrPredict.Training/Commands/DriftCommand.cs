using System.Text;
using ImrPredict.ML.Calibration;
using ImrPredict.ML.Prediction;
using ImrPredict.ML.Training.Calibration;
using ImrPredict.ML.Training.Retraining;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr drift</c>: per quarter of decision dates, the overturn rate, category mix and the serving model's calibration;
/// with <c>--dmhc</c>, a time split of the DMHC export and what recalibrating on the latest training year does.
/// </summary>
internal static class DriftCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files instead of the store; repeatable.", AllowMultipleArgumentsPerToken = true };
        var dataDirectory = StoreOptions.DataDirectory();
        var models = ModelsOptions.Directory();
        var bundle = ModelsOptions.BundleName();
        var model = new Option<string?>("--model", "-m") { Description = "A bundle folder to check instead of the serving one." };
        var margin = new Option<double>("--margin") { Description = "A quarter has drifted when the model's ECE there exceeds its validation ECE by more than this.", DefaultValueFactory = _ => 0.02 };
        var dmhc = new Option<FileInfo?>("--dmhc") { Description = "A DMHC export: train on --train-years, report the later years, with and without recalibration." };
        var trainYears = new Option<string>("--train-years") { Description = "With --dmhc: the report years to train on.", DefaultValueFactory = _ => "..2013" };
        var testYears = new Option<string>("--test-years") { Description = "With --dmhc: the report years to check.", DefaultValueFactory = _ => "2014.." };
        var report = new Option<FileInfo?>("--report") { Description = "Also write the table as markdown here." };
        var seed = new Option<int>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var command = new Command("drift", "Per quarter of decisions: overturn rate, category mix and the serving model's calibration (or, with --dmhc, a time split with recalibration).")
        {
            data, dataDirectory, models, bundle, model, margin, dmhc, trainYears, testYears, report, seed,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var output = new StringBuilder();
            var code = result.GetValue(dmhc) is { } file
                ? Dmhc(file, result.GetRequiredValue(trainYears), result.GetRequiredValue(testYears), result.GetValue(seed), output, cancellationToken)
                : Letters(result.GetValue(data) ?? [], result.GetRequiredValue(dataDirectory), result.GetValue(model) ?? Path.Combine(result.GetRequiredValue(models).FullName, result.GetRequiredValue(bundle)),
                    result.GetValue(margin), output, cancellationToken);
            Console.Write(output);
            if (code == 0 && result.GetValue(report) is { } path)
            {
                File.WriteAllText(path.FullName, output.ToString());
            }

            return Task.FromResult(code);
        });
        return command;
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine($"imr drift: {message}");
        return 1;
    }

    private static int Letters(string[] paths, DirectoryInfo dataDirectory, string bundleDirectory, double margin, StringBuilder output, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed: 1);
        var loaded = ModelBundle.Load(ml, bundleDirectory);
        if (!loaded.TryGetValue(out var bundle))
        {
            return Fail(loaded.Error.Message);
        }

        var predictor = ItemPredictor.Create(ml, bundle);
        if (!predictor.TryGetValue(out var items))
        {
            return Fail(predictor.Error.Message);
        }

        IReadOnlyList<ImrLetter> letters;
        if (paths.Length > 0)
        {
            letters = LetterLoader.Load(paths, cancellationToken: cancellationToken).Parsed;
        }
        else
        {
            var read = StoreLetters.Read(dataDirectory.FullName, null, null, cancellationToken);
            if (!read.TryGetValue(out var stored))
            {
                return Fail(read.Error.Message);
            }

            letters = stored.Letters;
        }

        var dated = letters.Where(l => l.Header.DecisionDate is not null).ToList();
        var rows = dated.SelectMany(l => ItemRows.From(l).Select(r => (Row: r, Quarter: PeriodFigures.QuarterOf(l.Header.DecisionDate!.Value)))).ToList();
        if (rows.Count == 0)
        {
            return Fail("no dated decisions to report on");
        }

        var probabilities = items.PredictBatch(rows.Select(r => r.Row).ToList());
        var trainedThrough = bundle.Manifest.TrainedThrough;
        var validationEce = bundle.Manifest.Metrics.Model.Ece;
        var periods = PeriodFigures.Of(rows.Select(r => r.Quarter).ToList(), rows.Select(r => r.Row.Label).ToList(), probabilities,
            rows.Select(r => r.Row.ItemCategory).ToList(), q => trainedThrough is { } t && string.CompareOrdinal(q, PeriodFigures.QuarterOf(t)) <= 0);
        output.AppendLine(I($"# Drift of {bundle.Manifest.BundleVersion} over {dated.Count:N0} decided letters ({rows.Count:N0} items)")).AppendLine();
        output.AppendLine(I($"Validation ECE {validationEce:F3}; trained through {trainedThrough?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "unknown"}. A quarter it has not seen has drifted when its overturn rate misses the mean probability by more than {margin:F3} and two standard errors, or (from {CalibrationDrift.StableEceItems:N0} items) its ECE exceeds {validationEce + margin:F3}; the ECE of a small quarter is mostly noise.")).AppendLine();
        var quarters = rows.Select(r => r.Quarter).ToList();
        Table(output, periods, p =>
        {
            var indexes = Enumerable.Range(0, rows.Count).Where(i => quarters[i] == p.Period).ToArray();
            return p.Seen ? "trained on"
                : CalibrationDrift.Drifted(indexes.Select(i => probabilities[i]).ToArray(), indexes.Select(i => rows[i].Row.Label).ToArray(), p.Ece, validationEce, margin) ? "drifted"
                : string.Empty;
        });
        return 0;
    }

    private static int Dmhc(FileInfo file, string trainYearsText, string testYearsText, int seed, StringBuilder output, CancellationToken cancellationToken)
    {
        var trainYears = YearRange.Parse(trainYearsText);
        var testYears = YearRange.Parse(testYearsText);
        if (trainYears is null || testYears is null)
        {
            return Fail("--train-years and --test-years take ranges like ..2013 or 2014..");
        }

        var export = DmhcCsv.Read(file.FullName);
        if (!export.TryGetValue(out var read))
        {
            return Fail(export.Error.Message);
        }

        var spec = new DmhcCorpus(read.HasFindings);
        var train = read.Rows.Where(r => trainYears.Contains((int)r.ReportYear)).ToList();
        var test = read.Rows.Where(r => testYears.Contains((int)r.ReportYear)).ToList();
        if (ModelTrainer.Check(train, spec, 3) is { } refused)
        {
            return Fail(refused.Message);
        }

        var ml = new MLContext(seed: seed);
        var trained = ModelTrainer.Train(ml, train, spec, DmhcCorpus.DefaultOptions(seed, null), 3, includeLogistic: false, cancellationToken: cancellationToken).Value;
        var raw = CrossValidator.Probabilities(ml, trained.Model.Transform(ml.Data.LoadFromEnumerable(test)));

        // The latest training year's out-of-fold scores: scores the model's folds did not train on, from the most recent period.
        var latest = train.Max(r => (int)r.ReportYear);
        var recent = Enumerable.Range(0, train.Count).Where(i => (int)train[i].ReportYear == latest).ToArray();
        var recalibration = CalibrationFitter.Fit(recent.Select(i => trained.Validation.Model[i]).ToArray(), recent.Select(i => train[i].Label).ToArray(),
            $"out-of-fold scores of the {recent.Length:N0} decisions of {latest}");
        // As a yearly recalibration would run: each checked year mapped by a calibrator fitted on the year before it
        // (the latest training year's out-of-fold scores for the first; the model's own scores, unseen in training, after).
        var rolling = new double[test.Count];
        foreach (var year in test.Select(r => (int)r.ReportYear).Distinct())
        {
            var before = Enumerable.Range(0, test.Count).Where(i => (int)test[i].ReportYear == year - 1).ToArray();
            var calibration = before.Length > 0
                ? CalibrationFitter.Fit(before.Select(i => raw[i]).ToArray(), before.Select(i => test[i].Label).ToArray(), $"{year - 1}")
                : recalibration;
            foreach (var i in Enumerable.Range(0, test.Count).Where(i => (int)test[i].ReportYear == year))
            {
                rolling[i] = calibration.Apply(raw[i]);
            }
        }

        var variants = new (string Name, double[] P)[]
        {
            ("raw (ML.NET Platt)", raw),
            ("calibrated on all training years", ModelScores.Served(raw, trained.Calibration)),
            ($"recalibrated on {latest}", ModelScores.Served(raw, recalibration)),
            ("recalibrated on the year before", rolling),
        };

        var trainRate = train.Count(r => r.Label) / (double)train.Count;
        var testRate = test.Count(r => r.Label) / (double)Math.Max(1, test.Count);
        output.AppendLine(I($"# DMHC drift: trained on {train.Min(r => r.ReportYear)}-{latest} ({train.Count:N0} decisions, {trainRate:P1} overturned), checked on {test.Min(r => r.ReportYear)}-{test.Max(r => r.ReportYear)} ({test.Count:N0}, {testRate:P1} overturned)")).AppendLine();
        output.AppendLine(I($"Overturn rate of {latest}, the latest training year: {recent.Count(i => train[i].Label) / (double)recent.Length:P1}. Recalibration: {BundleReport.CalibrationNote(recalibration)}")).AppendLine();
        output.AppendLine("| year | decisions | overturned | " + string.Join(" | ", variants.Select(v => $"{v.Name}: mean p / ECE")) + " |");
        output.AppendLine("| --- | --- | --- |" + string.Concat(variants.Select(_ => " --- |")));
        var years = test.Select(r => (int)r.ReportYear).Distinct().Order().ToList();
        foreach (var year in years.Select(y => (Label: y.ToString(CultureInfo.InvariantCulture), Indexes: Enumerable.Range(0, test.Count).Where(i => (int)test[i].ReportYear == y).ToArray()))
            .Append((Label: "all", Indexes: Enumerable.Range(0, test.Count).ToArray())))
        {
            var labels = year.Indexes.Select(i => test[i].Label).ToArray();
            output.Append(I($"| {year.Label} | {labels.Length:N0} | {labels.Count(l => l) / (double)labels.Length:P1} |"));
            foreach (var (_, p) in variants)
            {
                var scores = year.Indexes.Select(i => p[i]).ToArray();
                output.Append(I($" {scores.Average():F3} / {BinaryMetrics.Compute(scores, labels, 0.5).Ece:F3} |"));
            }

            output.AppendLine();
        }

        output.AppendLine().AppendLine(I($"ROC-AUC on the checked years: {BinaryMetrics.RocAucOf(raw, test.Select(r => r.Label).ToArray()):F3} (calibration does not change the ranking within one calibrator)."));
        return 0;
    }

    private static void Table(StringBuilder output, IReadOnlyList<PeriodFigures> periods, Func<PeriodFigures, string> flag)
    {
        output.AppendLine("| quarter | items | overturned | mean predicted | ECE | ROC-AUC | largest categories | |");
        output.AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var p in periods)
        {
            var mix = string.Join(", ", p.CategoryMix.Take(3).Select(c => I($"{c.Category} {c.Share:P0}")));
            output.AppendLine(I($"| {p.Period} | {p.Items:N0} | {p.OverturnRate:P1} | {p.MeanPredicted:F3} | {p.Ece:F3} | {(double.IsNaN(p.RocAuc) ? "n/a" : p.RocAuc.ToString("F3", CultureInfo.InvariantCulture))} | {mix} | {flag(p)} |"));
        }
    }

    private static string I(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
