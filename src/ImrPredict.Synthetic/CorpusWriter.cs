using System.Globalization;
using System.Text;
using System.Text.Json;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;

namespace ImrPredict.Synthetic;

/// <summary>
/// Streams a generated corpus to disk: letters in folders of 1,000 (<c>0000/</c>, <c>0001/</c>, ...),
/// <c>truth.jsonl</c> and <c>corpus.json</c>. Letters are made in parallel batches and written in order,
/// so memory stays flat in the corpus size and the output is byte-identical for a seed.
/// </summary>
public static class CorpusWriter
{
    private const int BatchSize = 1024;
    private const int LettersPerFolder = 1000;

    /// <summary>Writes <paramref name="letters"/> letters of seed <paramref name="seed"/> to <paramref name="outputDirectory"/>.</summary>
    /// <param name="outputDirectory">The folder to write into.</param>
    /// <param name="letters">How many letters.</param>
    /// <param name="seed">The corpus seed.</param>
    /// <param name="format">The form of each letter.</param>
    /// <param name="progress">Letters written so far.</param>
    /// <param name="cancellationToken">Stops the run between batches.</param>
    /// <param name="layout">The letter layout; the 2016 one unless asked.</param>
    public static CorpusSummary Write(string outputDirectory, long letters, long seed, GeneratedFormat format,
        IProgress<long>? progress = null, CancellationToken cancellationToken = default, LetterLayout layout = LetterLayout.FinalDetermination)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(letters);
        Directory.CreateDirectory(outputDirectory);
        var generator = new LetterGenerator(seed);
        long items = 0, overturned = 0;
        double probabilitySum = 0;
        var truthPath = Path.Combine(outputDirectory, "truth.jsonl");
        using (var truth = new StreamWriter(truthPath, append: false, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            var truthLines = new string[BatchSize][];
            var batch = new SyntheticLetter[BatchSize];
            for (long start = 0; start < letters; start += BatchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min(BatchSize, letters - start);
                var batchStart = start;
                Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
                {
                    batch[i] = generator.Generate(batchStart + i);
                    truthLines[i] = WriteLetter(outputDirectory, batch[i], format, layout);
                });

                for (var i = 0; i < count; i++)
                {
                    foreach (var line in truthLines[i])
                    {
                        truth.WriteLine(line);
                    }

                    foreach (var item in batch[i].Items)
                    {
                        items++;
                        probabilitySum += item.POverturned;
                        overturned += item.Decision == Decision.Overturned ? 1 : 0;
                    }
                }

                progress?.Report(start + count);
            }
        }

        var summary = new CorpusSummary(letters, items, overturned, items == 0 ? 0 : probabilitySum / items);
        var manifest = new
        {
            generator = "ImrPredict.Synthetic",
            generatorVersion = LetterGenerator.Version,
            seed,
            format = format.ToString().ToLowerInvariant(),
            layout = layout.ToString(),
            letters,
            items,
            overturned,
            overturnRate = items == 0 ? 0 : Math.Round((double)overturned / items, 4),
            meanPOverturned = Math.Round(summary.MeanProbability, 4),
        };
        File.WriteAllText(Path.Combine(outputDirectory, "corpus.json"), JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return summary;
    }

    /// <summary>Renders one letter in its form, writes it, and returns its truth lines.</summary>
    public static string[] WriteLetter(string outputDirectory, SyntheticLetter letter, GeneratedFormat format, LetterLayout layout = LetterLayout.FinalDetermination)
    {
        letter = OlderLayouts.Age(letter, layout);
        var form = format == GeneratedFormat.Mixed ? (GeneratedFormat)new Rng(letter.Index, 0xF0F).Next(3) : format;
        var folder = Path.Combine(outputDirectory, (letter.Index / LettersPerFolder).ToString("D4", CultureInfo.InvariantCulture));
        Directory.CreateDirectory(folder);
        string letterId;
        switch (form)
        {
            case GeneratedFormat.Pdf:
                letterId = letter.Header.CaseNumber!;
                File.WriteAllBytes(Path.Combine(folder, letterId + ".pdf"), LetterRenderer.Pdf(letter, layout));
                break;
            case GeneratedFormat.Markdown:
                letterId = letter.Header.CaseNumber!;
                File.WriteAllText(Path.Combine(folder, letterId + ".md"), LetterRenderer.Markdown(letter, layout), Utf8);
                break;
            default:
                var text = LetterRenderer.Text(letter, layout);
                letterId = text.Contains("Case Number:", StringComparison.Ordinal) ? letter.Header.CaseNumber! : LetterTextParser.ContentIdOf(text);
                File.WriteAllText(Path.Combine(folder, letter.Header.CaseNumber + ".txt"), text, Utf8);
                break;
        }

        var lines = new string[letter.Items.Count];
        for (var i = 0; i < lines.Length; i++)
        {
            var item = letter.Items[i];
            lines[i] = JsonSerializer.Serialize(
                new TruthLine(letterId, i, Math.Round(item.POverturned, 6), item.Decision.ToString(), item.Category.ToString()), JsonOptions);
        }

        return lines;
    }

    /// <summary>Reads a <c>truth.jsonl</c> file.</summary>
    public static IEnumerable<TruthLine> ReadTruth(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonSerializer.Deserialize<TruthLine>(l, JsonOptions)!);

    private static readonly UTF8Encoding Utf8 = new(false);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
