using System.Diagnostics;
using ImrPredict.Synthetic;

namespace ImrPredict.Training.Commands;

/// <summary><c>imr generate --letters N --seed S --out DIR [--format ...]</c>: a synthetic letter corpus.</summary>
internal static class GenerateCommand
{
    public static Command Create()
    {
        var letters = new Option<long>("--letters", "-n") { Description = "How many letters to write.", Required = true };
        var seed = new Option<long>("--seed", "-s") { Description = "Corpus seed: the same seed gives byte-identical output.", DefaultValueFactory = _ => 1 };
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "Folder to write the letters, truth.jsonl and corpus.json into.", Required = true };
        var format = new Option<GeneratedFormat>("--format", "-f") { Description = "markdown, text (PDF-extracted style), pdf, or mixed.", DefaultValueFactory = _ => GeneratedFormat.Mixed };
        var layout = new Option<LetterLayout>("--layout") { Description = "Letter layout: FinalDetermination (2016 on, the default), FinalDetermination2014, Notice2013 or MedicalProfessionalReview.", DefaultValueFactory = _ => LetterLayout.FinalDetermination };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress output." };
        var command = new Command("generate", "Generate a synthetic IMR letter corpus with the true probability of each label in truth.jsonl.")
        {
            letters, seed, output, format, layout, quiet,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(
            result.GetRequiredValue(letters), result.GetValue(seed), result.GetRequiredValue(output), result.GetValue(format), result.GetValue(layout), result.GetValue(quiet), cancellationToken)));
        return command;
    }

    private static int Run(long letters, long seed, DirectoryInfo output, GeneratedFormat format, LetterLayout layout, bool quiet, CancellationToken cancellationToken)
    {
        if (letters < 1)
        {
            Console.Error.WriteLine("imr generate: --letters must be at least 1");
            return 2;
        }

        var stopwatch = Stopwatch.StartNew();
        var progress = quiet ? null : new Progress<long>(done =>
        {
            if (done % 16384 < 1024 || done == letters)
            {
                Console.Error.WriteLine($"generated {done:N0} of {letters:N0} letters");
            }
        });
        var summary = CorpusWriter.Write(output.FullName, letters, seed, format, progress, cancellationToken, layout);
        Console.WriteLine(
            $"wrote {summary.Letters:N0} letters, {summary.Items:N0} items ({summary.Overturned:N0} overturned, {(double)summary.Overturned / Math.Max(1, summary.Items):P1}; mean true p {summary.MeanProbability:P1}) to {output.FullName} in {stopwatch.Elapsed.TotalSeconds:N1} s");
        return 0;
    }
}
