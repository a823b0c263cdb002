using System.Diagnostics;
using ImrPredict.Application;
using ImrPredict.Application.Storage;
using ImrPredict.Core.Parsing;
using ImrPredict.Search;
using Microsoft.Extensions.Logging.Abstractions;

namespace ImrPredict.Training.Commands;

/// <summary>
/// The store's jobs: <c>imr ingest</c> (folders of letters into the store), <c>imr delete</c>, <c>imr reparse</c> (after a parser
/// upgrade), <c>imr reindex</c> (a precedent index rebuilt from the store) and <c>imr import-index</c> (the letters of an index made
/// before the store). Each uses the service's store: the SQLite file
/// under <c>--data-dir</c>, or PostgreSQL when <c>ConnectionStrings__Determinations</c> is set.
/// </summary>
internal static class StoreCommands
{
    /// <summary>Letters sent to the store per transaction.</summary>
    private const int Batch = 500;

    public static Command Ingest()
    {
        var paths = new Argument<string[]>("paths") { Description = "Letter files or folders (searched recursively).", Arity = ArgumentArity.OneOrMore };
        var dataDirectory = StoreOptions.DataDirectory();
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar." };
        var command = new Command("ingest", "Add decided letters to the store (re-adding a letter replaces it; refused letters are kept with their errors).")
        {
            paths, dataDirectory, quiet,
        };
        command.SetAction((result, cancellationToken) => Task.FromResult(RunIngest(result.GetRequiredValue(paths), result.GetRequiredValue(dataDirectory),
            new ConsoleProgress(result.GetValue(quiet)), cancellationToken)));
        return command;
    }

    public static Command Delete()
    {
        var letterId = new Argument<string>("letter-id") { Description = "The letter id (case number or sha- id) to delete." };
        var dataDirectory = StoreOptions.DataDirectory();
        var command = new Command("delete", "Delete a letter from the store; every replica's index drops it.") { letterId, dataDirectory };
        command.SetAction(result => WithStore(result.GetRequiredValue(dataDirectory), "delete", store =>
        {
            var deleted = store.Delete(result.GetRequiredValue(letterId));
            if (!deleted.TryGetValue(out var sequence))
            {
                return Fail("delete", deleted.Error.Message);
            }

            if (sequence is null)
            {
                return Fail("delete", $"the store holds no letter '{result.GetRequiredValue(letterId)}'");
            }

            Console.WriteLine($"deleted {result.GetRequiredValue(letterId)} (sequence {sequence})");
            return 0;
        }));
        return command;
    }

    public static Command Reparse()
    {
        var dataDirectory = StoreOptions.DataDirectory();
        var command = new Command("reparse", "Parse every stored letter's original bytes again (after a parser upgrade) and update what changed.") { dataDirectory };
        command.SetAction(result => WithStore(result.GetRequiredValue(dataDirectory), "reparse", store =>
        {
            var after = 0L;
            var (read, changed) = (0, 0);
            var last = store.Counts();
            if (!last.Success)
            {
                return Fail("reparse", last.Error.Message);
            }

            // Only letters that were there when the job started: the updates themselves get new sequences.
            var through = last.Value.LastSequence;
            while (true)
            {
                var page = store.LettersAfter(after, Batch);
                if (!page.TryGetValue(out var letters))
                {
                    return Fail("reparse", page.Error.Message);
                }

                var due = letters.Where(l => l.Sequence <= through).ToList();
                if (due.Count == 0)
                {
                    break;
                }

                // Imported letters have no original to parse again: their bytes are the recovered letter's JSON.
                foreach (var letter in due.Where(l => !l.Deleted && !l.Source.StartsWith(ParsedSubmission.ImportedPrefix, StringComparison.Ordinal)))
                {
                    read++;
                    var updated = store.UpdateParse(letter.LetterId, LetterParse.Of(letter.Original, letter.ContentSha256));
                    if (!updated.Success)
                    {
                        return Fail("reparse", updated.Error.Message);
                    }

                    changed += updated.Value is null ? 0 : 1;
                }

                after = due[^1].Sequence;
            }

            Console.WriteLine($"reparsed {read:N0} letters; {changed:N0} changed");
            return 0;
        }));
        return command;
    }

    public static Command Reindex()
    {
        var index = new Option<DirectoryInfo>("--index") { Description = "The index folder to rebuild (default: index in the data folder); stop the service that uses it first.", };
        var dataDirectory = StoreOptions.DataDirectory();
        var command = new Command("reindex", "Rebuild a precedent index from the store.") { index, dataDirectory };
        command.SetAction(result =>
        {
            // The service's own rebuild (PrecedentView), so the command and a replica build the same index the same way.
            var data = result.GetRequiredValue(dataDirectory).FullName;
            var folder = result.GetValue(index)?.FullName ?? Path.Combine(data, "index");
            var stopwatch = Stopwatch.StartNew();
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            var storage = new StorageOptions { ConnectionString = Environment.GetEnvironmentVariable(StoreLocation.ConnectionStringVariable) ?? string.Empty };
            using var stores = new LetterStoreHost(storage, data, NullLogger<LetterStoreHost>.Instance);
            using var view = new PrecedentView(stores, folder, new ServiceLimits(), NullLogger<PrecedentView>.Instance);
            if (!view.CatchUp(Timeout.InfiniteTimeSpan, CancellationToken.None))
            {
                return Fail("reindex", view.Unavailable ?? stores.Store().Error?.Message ?? "the index could not be rebuilt");
            }

            Console.WriteLine($"indexed {view.Count:N0} items through sequence {view.AppliedSequence} into {folder} in {stopwatch.Elapsed.TotalSeconds:N1} s");
            return 0;
        });
        return command;
    }

    public static Command ImportIndex()
    {
        var folder = new Argument<DirectoryInfo>("folder") { Description = $"An index made before the store: a bundle folder with {StoredLetterReader.LegacyBundleFolder}/ in it, or that index folder itself." };
        var dataDirectory = StoreOptions.DataDirectory();
        var command = new Command("import-index", "Keep in the store the letters of a precedent index made before the store (a bundle's index/), then rename the folder so it is imported once.")
        {
            folder, dataDirectory,
        };
        command.SetAction(result => WithStore(result.GetRequiredValue(dataDirectory), "import-index", store =>
        {
            var given = result.GetRequiredValue(folder).FullName;
            var index = Path.Combine(given, StoredLetterReader.LegacyBundleFolder);
            index = Directory.Exists(index) ? index : given;
            if (!Directory.Exists(index) || !Directory.EnumerateFiles(index, "segments_*").Any())
            {
                return Fail("import-index", $"there is no index at '{given}' (an index has segments_N files; one imported before was renamed {StoredLetterReader.LegacyBundleFolder}.imported-…)");
            }

            var read = StoredLetterReader.Read(index);
            if (!read.TryGetValue(out var letters))
            {
                return Fail("import-index", read.Error.Message);
            }

            // Only the letters the store does not hold: a letter added since, or imported before, keeps what the store has.
            var missing = new List<ParsedSubmission>();
            foreach (var letter in letters)
            {
                var held = store.Get(letter.LetterId);
                if (!held.Success)
                {
                    return Fail("import-index", held.Error.Message);
                }

                if (held.Value is null)
                {
                    missing.Add(new ParsedSubmission(letter, index));
                }
            }

            foreach (var batch in missing.Chunk(Batch))
            {
                var added = store.AddParsed(batch);
                if (!added.Success)
                {
                    return Fail("import-index", $"{added.Error.Message}; the batches before it were kept and the index was left in place");
                }
            }

            var imported = $"{index}.imported-{DateTime.UtcNow:yyyyMMddHHmmss}";
            Directory.Move(index, imported);
            Console.WriteLine($"imported {missing.Count:N0} of {letters.Count:N0} letters into the {store.Description}; the index is now {imported}");
            return 0;
        }));
        return command;
    }

    private static int RunIngest(string[] paths, DirectoryInfo dataDirectory, ConsoleProgress console, CancellationToken cancellationToken) =>
        WithStore(dataDirectory, "ingest", store =>
        {
            var files = LetterReader.EnumerateLetterFiles(paths).ToList();
            if (files.Count == 0)
            {
                return Fail("ingest", "no letter files found in the given paths");
            }

            var stopwatch = Stopwatch.StartNew();
            var outcomes = new Dictionary<AddOutcome, int>();
            var refusals = new Dictionary<string, int>(StringComparer.Ordinal);
            var warnings = new Dictionary<string, int>(StringComparer.Ordinal);
            string? failure = null;
            console.Run("ingesting letters", (counts, _) =>
            {
                var done = 0;
                foreach (var batch in files.Chunk(Batch))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var added = store.Add(batch.Select(file => new LetterSubmission(File.ReadAllBytes(file), file)).ToList());
                    if (!added.TryGetValue(out var results))
                    {
                        failure = added.Error.Message;
                        return 0;
                    }

                    foreach (var r in results)
                    {
                        outcomes[r.Outcome] = outcomes.GetValueOrDefault(r.Outcome) + 1;
                        if (r.ParseError is { } error)
                        {
                            refusals[error.Code.ToString()] = refusals.GetValueOrDefault(error.Code.ToString()) + 1;
                        }

                        foreach (var code in r.Warnings.Select(w => w.Code.ToString()).Distinct())
                        {
                            warnings[code] = warnings.GetValueOrDefault(code) + 1;
                        }
                    }

                    done += batch.Length;
                    counts.Report((done, files.Count));
                }

                return 0;
            });
            if (failure is not null)
            {
                return Fail("ingest", $"{failure}; the batches before it were kept");
            }

            var rate = files.Count / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds);
            Console.WriteLine($"ingested {files.Count:N0} files into the {store.Description} in {stopwatch.Elapsed.TotalSeconds:N1} s ({rate:N0} letters/s): " +
                string.Join(", ", Enum.GetValues<AddOutcome>().Select(o => $"{outcomes.GetValueOrDefault(o):N0} {o.ToString().ToLowerInvariant()}")));
            foreach (var (code, count) in refusals.OrderByDescending(r => r.Value))
            {
                Console.WriteLine($"  refused {count:N0}: {code}");
            }

            foreach (var (code, count) in warnings.OrderByDescending(w => w.Value))
            {
                Console.WriteLine($"  kept with a warning {count:N0}: {code}");
            }

            return 0;
        });

    private static int WithStore(DirectoryInfo dataDirectory, string command, Func<ILetterStore, int> work)
    {
        var opened = StoreLocation.Open(dataDirectory.FullName);
        if (!opened.TryGetValue(out var store))
        {
            return Fail(command, opened.Error.Message);
        }

        using (store)
        {
            return work(store);
        }
    }

    private static int Fail(string command, string message)
    {
        Console.Error.WriteLine($"imr {command}: {message}");
        return 1;
    }
}
