using ImrPredict.Core.Parsing;
using ImrPredict.ML;
using ImrPredict.Synthetic;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr bootstrap --out DIR [--letters N] [--data-dir DIR]</c>: the default bundle of a fresh clone, from a generated
/// corpus, and the same letters in an empty store. The server runs this as a child process on its first start, so it never
/// carries the trainer or the generator itself.
/// </summary>
internal static class BootstrapCommand
{
    /// <summary>The generator seed of the default corpus: the same seed gives the same letters on every machine.</summary>
    public const int CorpusSeed = 2024;

    public static Command Create()
    {
        var output = new Option<DirectoryInfo>("--out", "-o") { Description = "The bundle folder to write; an existing bundle there is kept.", Required = true };
        var letters = new Option<int>("--letters", "-n") { Description = "Letters to generate and train on.", DefaultValueFactory = _ => 5000 };
        var dataDirectory = StoreOptions.DataDirectory();
        var noStore = new Option<bool>("--no-store")
        {
            Description = "Only the bundle, no store: how the repository's ready-made bundle is made (imr bootstrap --out models/seed/default --no-store).",
        };
        var command = new Command("bootstrap", "Build the default bundle from a generated corpus and put the same letters into an empty store, as the server does on a fresh clone.")
        {
            output, letters, dataDirectory, noStore,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(Run(result.GetRequiredValue(output), result.GetValue(letters),
            result.GetValue(noStore) ? null : result.GetRequiredValue(dataDirectory), cancellationToken)));
        return command;
    }

    private static int Run(DirectoryInfo output, int letters, DirectoryInfo? dataDirectory, CancellationToken cancellationToken)
    {
        if (letters is < 100 or > 1_000_000)
        {
            Console.Error.WriteLine("imr bootstrap: --letters must be 100 to 1,000,000");
            return 2;
        }

        var generator = new LetterGenerator(seed: CorpusSeed);
        var texts = new string[letters];
        Parallel.For(0, letters, new ParallelOptions { CancellationToken = cancellationToken }, i => texts[i] = LetterRenderer.Markdown(generator.Generate(i)));
        if (dataDirectory is not null && SeedStore(dataDirectory, texts) is { } storeError)
        {
            Console.Error.WriteLine($"imr bootstrap: {storeError}");
            return 1;
        }

        if (File.Exists(Path.Combine(output.FullName, ModelBundle.ManifestFile)))
        {
            Console.WriteLine($"a bundle is already at {output.FullName}; kept");
            return 0;
        }

        var parsed = new Core.Letters.ImrLetter[letters];
        Parallel.For(0, letters, new ParallelOptions { CancellationToken = cancellationToken }, i => parsed[i] = LetterTextParser.Parse(texts[i]).Value);
        var rows = parsed.SelectMany(ItemRows.From).ToList();
        Console.WriteLine($"generated and parsed {letters:N0} letters, {rows.Count:N0} items");

        var ml = new MLContext(seed: 1);
        var options = PipelineOptions.ForGeneratedCorpus(rows.Count);
        var training = ModelTrainer.Train(ml, rows, LetterCorpus.Instance, options, validationFolds: 2, includeLogistic: false,
            new Progress<string>(Console.WriteLine), cancellationToken);
        if (!training.TryGetValue(out var trained))
        {
            Console.Error.WriteLine($"imr bootstrap: {training.Error}");
            return 1;
        }

        var description = new BundleDescription("letters-default", "letters", options, ImrPipeline.FeatureBlocksFor(options), ModelBundle.LetterInputColumns,
            [$"generated: {letters} letters, seed {CorpusSeed}"], null, parsed.Max(l => l.Header.DecisionDate));
        var saved = BundleBuilder.Save(ml, output.FullName, trained, description, overwrite: false,
            (folder, version) => BundleReport.Write(folder, version, folds: 2, trained, oracleAuc: null));
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
        // Kept in the history at once, so the first promotion over it can be rolled back.
        if (new BundleHistory(Path.GetDirectoryName(output.FullName)!, output.Name).Adopt("bootstrap") is { Success: false } notKept)
        {
            Console.Error.WriteLine($"imr bootstrap: warning: the default bundle was not kept in the history ({notKept.Error.Message})");
        }

        return 0;
    }

    /// <summary>Puts the generated letters into the store when it holds none, so a fresh clone has precedents; null on success.</summary>
    private static string? SeedStore(DirectoryInfo dataDirectory, IReadOnlyList<string> texts)
    {
        var opened = StoreLocation.Open(dataDirectory.FullName);
        if (!opened.TryGetValue(out var store))
        {
            return opened.Error.Message;
        }

        using (store)
        {
            var counts = store.Counts();
            if (!counts.Success)
            {
                return counts.Error.Message;
            }

            if (counts.Value.LastSequence > 0)
            {
                Console.WriteLine($"the {store.Description} holds letters already; no generated letters added");
                return null;
            }

            foreach (var batch in texts.Select((text, i) => new LetterSubmission(System.Text.Encoding.UTF8.GetBytes(text), $"{GeneratedLetters.SourcePrefix}{i:D6}.md")).Chunk(500))
            {
                var added = store.Add(batch);
                if (!added.Success)
                {
                    return added.Error.Message;
                }
            }

            Console.WriteLine($"put {texts.Count:N0} generated letters into the {store.Description}");
            return null;
        }
    }
}
