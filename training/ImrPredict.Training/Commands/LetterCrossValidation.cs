using ImrPredict.ML;
using ImrPredict.ML.Training.Evaluation;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr evaluate --cv K [--repeats R]</c> on letters: the model and its peers fitted side by side in the same grouped
/// folds, repeated with new folds, with bootstrap intervals overall and per category.
/// </summary>
internal static class LetterCrossValidation
{
    /// <summary>What the command line asked for.</summary>
    public sealed record Settings(int Folds, int Repeats, int Seed, bool Peers, DirectoryInfo? Report, FileInfo? MetricsOut, double? OracleAuc, int AddGenerated = 0);

    public static int Run(MLContext ml, IReadOnlyList<ItemRow> rows, PipelineOptions options, Settings settings, ConsoleProgress console, CancellationToken cancellationToken)
    {
        if (ModelTrainer.Check(rows, LetterCorpus.Instance, settings.Folds) is { } refused)
        {
            Console.Error.WriteLine($"imr evaluate: {refused.Message}");
            return 2;
        }

        var candidates = (settings.Peers ? LetterCandidates.All(options) : LetterCandidates.All(options).Take(1)).ToList();
        if (settings.AddGenerated > 0)
        {
            // The default bundle's corpus (same seed), so the figure says what the demo's knowledge adds to real letters.
            var generator = new Synthetic.LetterGenerator(BootstrapCommand.CorpusSeed);
            var generated = new ItemRow[settings.AddGenerated][];
            Parallel.For(0, settings.AddGenerated, i => generated[i] = Core.Parsing.LetterTextParser.Parse(Synthetic.LetterRenderer.Markdown(generator.Generate(i))) is { Success: true } parsed
                ? ItemRows.From(parsed.Value).ToArray() : []);
            candidates.Add(LetterCandidates.WithGenerated(generated.SelectMany(r => r).ToList(), settings.AddGenerated));
        }

        var cv = console.Run("cross-validating", (_, status) => RepeatedCrossValidation.Run(ml, rows, candidates, settings.Folds, settings.Repeats, settings.Seed, status, cancellationToken));
        var overall = cv.Overall(seed: settings.Seed);
        var byCategory = cv.ByCategory(seed: settings.Seed);
        var letters = rows.Select(r => r.LetterId).Distinct().Count();
        var overturnedLetters = rows.Where(r => r.Label).Select(r => r.LetterId).Distinct().Count();
        var notes = new List<string>
        {
            $"{rows.Count:N0} items from {letters:N0} letters; {overall[0].Overturned:N0} items overturned, from {overturnedLetters:N0} letters: every figure rests on them.",
            $"{settings.Folds}-fold cross-validation grouped by letter (no letter in both a training and a test fold), repeated {settings.Repeats} time(s) with new folds (seeds {settings.Seed} to {settings.Seed + settings.Repeats - 1}); figures are means over repeats.",
            "Every candidate is fitted on the same training folds: text selection, criteria features and trainers see the training folds only. The criteria catalogue is fixed data reviewed from guidelines, not mined from these letters.",
            "Intervals: 95% bootstrap over letters (1,000 resamples), each resample scored on every repeat and averaged.",
            "Probabilities are the trainers' own (Platt for FastTree); ECE uses 10 equal-width bins.",
        };
        var title = "Cross-validation on letters";
        Console.WriteLine($"{title}: {rows.Count:N0} items, {overall[0].Overturned:N0} overturned from {overturnedLetters:N0} letters; {settings.Folds} folds x {settings.Repeats} repeats");
        foreach (var line in CrossValidationReport.Lines(overall))
        {
            Console.WriteLine(line);
        }

        foreach (var (category, figures) in byCategory)
        {
            Console.WriteLine($" {category}: {figures[0].Items} items, {figures[0].Overturned} overturned");
            foreach (var line in CrossValidationReport.Lines(figures))
            {
                Console.WriteLine(line);
            }
        }

        if (settings.OracleAuc is { } oracle)
        {
            Console.WriteLine($"  oracle ROC-AUC (true probabilities of generated letters) {oracle:F3}; model / oracle = {overall[0].RocAuc.Value / oracle:P1}");
        }

        if (settings.Report is not null)
        {
            Directory.CreateDirectory(settings.Report.FullName);
            var path = Path.Combine(settings.Report.FullName, "report.md");
            File.WriteAllText(path, CrossValidationReport.Markdown(title, notes, overall, byCategory));
            Console.WriteLine($"  report: {path}");
        }

        if (settings.MetricsOut is not null)
        {
            var json = new Dictionary<string, object?>
            {
                ["mode"] = "cv",
                ["folds"] = settings.Folds,
                ["repeats"] = settings.Repeats,
                ["n"] = rows.Count,
                ["positives"] = overall[0].Overturned,
                ["letters"] = letters,
                ["overturnedLetters"] = overturnedLetters,
                ["rocAuc"] = overall[0].RocAuc.Value,
                ["top10Recall"] = overall[0].Top10Recall.Value,
                ["models"] = overall,
                ["categories"] = byCategory.ToDictionary(c => c.Category, c => c.Figures),
                ["oracleAuc"] = settings.OracleAuc,
            };
            Directory.CreateDirectory(settings.MetricsOut.DirectoryName ?? ".");
            File.WriteAllText(settings.MetricsOut.FullName, JsonSerializer.Serialize(json, ModelManifest.JsonOptions));
            Console.WriteLine($"  metrics: {settings.MetricsOut.FullName}");
        }

        return 0;
    }
}
