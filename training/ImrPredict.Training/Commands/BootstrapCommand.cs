using System.CommandLine;
using ImrPredict.Core.Parsing;
using ImrPredict.ML;
using ImrPredict.ML.Bundles;
using ImrPredict.ML.Data;
using ImrPredict.ML.Training;
using ImrPredict.Synthetic;
using Microsoft.ML;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr bootstrap --out DIR [--letters N]</c>: the default bundle of a fresh clone, from a generated corpus. The server
/// runs this as a child process on its first start, so it never carries the trainer or the generator itself.
/// </summary>
internal static class BootstrapCommand
{
    /// <summary>The generator seed of the default corpus: the same seed gives the same letters on every machine.</summary>
    public const int CorpusSeed = 2024;

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The bundle folder to write; an existing bundle there is kept.", Required = true };
        var letters = new Option<int>("--letters", "-n") { Description = "Letters to generate and train on.", DefaultValueFactory = _ => 5000 };
        var command = new Command("bootstrap", "Build the default bundle (model and precedent index) from a generated corpus, as the server does on a fresh clone.")
        {
            output, letters,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(result.GetRequiredValue(output), result.GetValue(letters), cancellationToken)));
        return command;
    }

    private static int Run(DirectoryInfo output, int letters, CancellationToken cancellationToken)
    {
        if (letters is < 100 or > 1_000_000)
        {
            Console.Error.WriteLine("imr bootstrap: --letters must be 100 to 1,000,000");
            return 2;
        }

        if (File.Exists(Path.Combine(output.FullName, ModelBundle.ManifestFile)))
        {
            Console.WriteLine($"a bundle is already at {output.FullName}; kept");
            return 0;
        }

        var generator = new LetterGenerator(seed: CorpusSeed);
        var parsed = new Core.Letters.ImrLetter[letters];
        Parallel.For(0, letters, new ParallelOptions { CancellationToken = cancellationToken }, i =>
            parsed[i] = LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value);
        var rows = parsed.SelectMany(ItemRows.From).ToList();
        Console.WriteLine($"generated and parsed {letters:N0} letters, {rows.Count:N0} items");

        var ml = new MLContext(seed: 1);
        var options = PipelineOptions.ForSmallCorpus(rows.Count);
        var training = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, options, validationFolds: 2, includeLogistic: false,
            new Progress<string>(Console.WriteLine), cancellationToken);
        if (!training.TryGetValue(out var trained))
        {
            Console.Error.WriteLine($"imr bootstrap: {training.Error}");
            return 1;
        }

        var description = new BundleDescription("letters-default", "letters", options, LetterCorpus.Instance.Features, ModelBundle.LetterInputColumns,
            [$"generated: {letters} letters, seed {CorpusSeed}"]);
        var saved = BundleBuilder.Save(ml, output.FullName, trained, description, overwrite: false, indexLetters: parsed);
        if (!saved.Success)
        {
            if (saved.Error.Code == BundleErrorCode.AlreadyExists)
            {
                Console.WriteLine($"another process wrote a bundle to {output.FullName} first; kept");
                return 0;
            }

            Console.Error.WriteLine($"imr bootstrap: {saved.Error}");
            return 1;
        }

        Console.WriteLine($"default bundle {saved.Value} ready: validation ROC-AUC {trained.ValidationMetrics.RocAuc:F3}");
        return 0;
    }
}
