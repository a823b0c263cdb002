using ImrPredict.Search;
using ImrPredict.Search.Evaluation;
using ImrPredict.Search.Semantic;

namespace ImrPredict.Training.Commands;

/// <summary><c>imr index</c>, <c>imr search</c> and <c>imr evaluate-search</c>.</summary>
internal static class SearchCommands
{
    public static Command Index()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files; repeatable.", Required = true, AllowMultipleArgumentsPerToken = true };
        var index = new Option<DirectoryInfo>("--index", "-i") { Description = "The index folder (created if absent; letters already in it are replaced).", Required = true };
        var command = new Command("index", "Add letters to a precedent index; re-adding a letter replaces its items. Committed when the command ends.") { data, index };
        command.SetAction(result =>
        {
            var opened = PrecedentIndex.Open(result.GetRequiredValue(index).FullName);
            if (!opened.Success)
            {
                Console.Error.WriteLine($"imr index: {opened.Error}");
                return 2;
            }

            using var precedents = opened.Value;
            var (letters, failures) = ReadLetters(result.GetRequiredValue(data));
            var added = 0;
            foreach (var batch in letters.Chunk(500))
            {
                added += precedents.AddLetters(batch);
            }

            Console.WriteLine($"indexed {letters.Count:N0} letters ({added:N0} items); the index holds {precedents.Count:N0} items; {failures} letters could not be read");
            return failures > 0 ? 1 : 0;
        });
        return command;
    }

    public static Command Search()
    {
        var index = new Option<DirectoryInfo>("--index", "-i") { Description = "The index folder.", Required = true };
        var text = new Option<string?>("--text", "-t") { Description = "A free-text query." };
        var summary = new Option<string?>("--summary") { Description = "Search by case: the clinical summary." };
        var item = new Option<string?>("--item") { Description = "Search by case: the requested item." };
        var decision = new Option<Decision?>("--decision") { Description = "Only Upheld or Overturned precedents." };
        var category = new Option<ItemCategory[]>("--category") { Description = "Only these item categories.", AllowMultipleArgumentsPerToken = true };
        var top = new Option<int>("--top", "-k") { Description = "Hits per page.", DefaultValueFactory = _ => 10 };
        var command = new Command("search", "Search a precedent index by free text or by case; prints JSON.") { index, text, summary, item, decision, category, top };
        command.SetAction(result =>
        {
            if (!result.GetRequiredValue(index).Exists)
            {
                Console.Error.WriteLine($"imr search: no index at '{result.GetRequiredValue(index).FullName}'");
                return 2;
            }

            var opened = PrecedentIndex.Open(result.GetRequiredValue(index).FullName);
            if (!opened.Success)
            {
                Console.Error.WriteLine($"imr search: {opened.Error}");
                return 2;
            }

            using var precedents = opened.Value;
            var filters = new SearchFilters(result.GetValue(decision), result.GetValue(category) is { Length: > 0 } c ? c : null);
            var found = result.GetValue(text) is { } query
                ? precedents.SearchByText(query, filters, result.GetValue(top))
                : precedents.SearchByCase(result.GetValue(summary) ?? string.Empty, result.GetValue(item) ?? string.Empty, filters, result.GetValue(top));
            if (!found.Success)
            {
                Console.Error.WriteLine($"imr search: {found.Error}");
                return 2;
            }

            Console.WriteLine(JsonSerializer.Serialize(found.Value, Core.Json.LetterJson.Options));
            return 0;
        });
        return command;
    }

    public static Command Evaluate()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files; repeatable.", Required = true, AllowMultipleArgumentsPerToken = true };
        var metricsOut = new Option<FileInfo?>("--metrics-out") { Description = "Write the figures as JSON here." };
        var paraphrases = new Option<FileInfo?>("--paraphrases")
        {
            Description = "The paraphrase set (queries naming the precedent each must find); default: search-paraphrases.json beside imr, written from the shared letters.",
        };
        var command = new Command("evaluate-search",
            "Evaluates precedent search on real letters: the tuned profile against plain BM25, then the lexical, semantic and hybrid modes side by side " +
            "(leave-one-letter-out search by case, and recall@5 of a paraphrase set), with 95% intervals from resampling letters.") { data, metricsOut, paraphrases };
        command.SetAction(result =>
        {
            var (letters, failures) = ReadLetters(result.GetRequiredValue(data));
            if (letters.Count < 2)
            {
                Console.Error.WriteLine("imr evaluate-search: at least two readable letters are needed");
                return 2;
            }

            var set = ParaphraseSet.Read(result.GetValue(paraphrases)?.FullName ?? Path.Combine(AppContext.BaseDirectory, ParaphraseSet.DefaultFile));
            if (!set.TryGetValue(out var pairs))
            {
                Console.Error.WriteLine($"imr evaluate-search: {set.Error.Message}");
                return 2;
            }

            var tuned = SearchEvaluation.Run(letters, SearchProfile.Tuned);
            var plain = SearchEvaluation.Run(letters, SearchProfile.Plain);
            var overturned = letters.Sum(l => l.Items.Count(i => i.Decision == Decision.Overturned));
            Console.WriteLine($"leave-one-letter-out over {tuned.Items:N0} items ({overturned} overturned) of {letters.Count:N0} letters ({failures} unreadable)");
            Console.WriteLine($"  tuned : top-5 same category {tuned.Top5SameCategory:P1}, agreement AUC {tuned.AgreementAuc:F3}");
            Console.WriteLine($"  BM25  : top-5 same category {plain.Top5SameCategory:P1}, agreement AUC {plain.AgreementAuc:F3}");
            var loaded = SentenceEmbedder.Load(threads: Environment.ProcessorCount);
            if (!loaded.TryGetValue(out var embedder))
            {
                Console.Error.WriteLine($"imr evaluate-search: {loaded.Error.Message}");
                return 2;
            }

            using (embedder)
            {
                var modes = SearchModeEvaluation.Run(letters, embedder, pairs);
                var matched = pairs.Count(p => letters.Any(l => string.Equals(l.Header.CaseNumber, p.Case, StringComparison.OrdinalIgnoreCase)));
                Console.WriteLine($"modes (95% intervals over letters; paraphrase set: {pairs.Count} queries, {matched} of whose letters were read):");
                Console.WriteLine($"  {"mode",-9} {"top-5 same category",-24} {"top-5 same criterion",-24} {"agreement AUC",-24} {"paraphrase recall@5",-24} median ms");
                foreach (var m in modes)
                {
                    Console.WriteLine($"  {m.Mode,-9} {m.Top5SameCategory,-24} {m.Top5SameCriterion,-24} {m.AgreementAuc,-24} {m.ParaphraseRecallAt5,-24} {m.MedianMilliseconds:F1}");
                }

                if (result.GetValue(metricsOut) is { } file)
                {
                    var json = new Dictionary<string, object>
                    {
                        ["items"] = tuned.Items,
                        ["overturned"] = overturned,
                        ["letters"] = letters.Count,
                        ["top5SameCategory"] = tuned.Top5SameCategory,
                        ["agreementAuc"] = tuned.AgreementAuc,
                        ["baselineTop5SameCategory"] = plain.Top5SameCategory,
                        ["baselineAgreementAuc"] = plain.AgreementAuc,
                        ["paraphrases"] = pairs.Count,
                        ["modes"] = modes,
                    };
                    File.WriteAllText(file.FullName, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true, NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals }));
                }
            }

            return 0;
        });
        return command;
    }

    private static (IReadOnlyList<ImrLetter> Letters, int Failures) ReadLetters(IEnumerable<string> paths)
    {
        var loaded = LetterLoader.Load(paths);
        foreach (var failure in loaded.Failures)
        {
            Console.Error.WriteLine($"  skipped {failure.Path}: {failure.Error}");
        }

        return (loaded.Parsed, loaded.Failures.Count);
    }
}
