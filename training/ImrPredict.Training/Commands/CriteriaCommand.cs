using ImrPredict.ML.Training.Criteria;

namespace ImrPredict.Training.Commands;

/// <summary>
/// <c>imr criteria</c>: the phrases decided letters' rationales use, per treatment category, with counts and overturn
/// rates, and the catalogue criterion each belongs to (or none): candidates a person reviews into
/// <c>src/ImrPredict.Core/Criteria/criteria.json</c>.
/// </summary>
internal static class CriteriaCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data", "-d") { Description = "Letter folders or files to mine; repeatable. Without it, the store's decided letters.", AllowMultipleArgumentsPerToken = true };
        var dataDirectory = StoreOptions.DataDirectory();
        var minItems = new Option<int>("--min-items") { Description = "Keep phrases used by at least this many items' rationales of a category.", DefaultValueFactory = _ => 3 };
        var top = new Option<int>("--top") { Description = "Phrases per category, strongest lift first.", DefaultValueFactory = _ => 25 };
        var category = new Option<string?>("--category") { Description = "Only this category (Opioid, Imaging, PhysicalTherapy, ...)." };
        var json = new Option<bool>("--json") { Description = "One JSON object per phrase, for scripts." };
        var command = new Command("criteria", "Mine candidate criteria phrases per treatment category from decided letters' rationales, with counts and overturn rates, for review into the catalogue.")
        {
            data, dataDirectory, minItems, top, category, json,
        };
        command.SetAction((result, cancellationToken) =>
        {
            ItemCategory? only = null;
            if (result.GetValue(category) is { } named)
            {
                if (!Enum.TryParse<ItemCategory>(named, ignoreCase: true, out var parsed))
                {
                    Console.Error.WriteLine($"imr criteria: '{named}' is not an item category ({string.Join(", ", Enum.GetNames<ItemCategory>())})");
                    return Task.FromResult(2);
                }

                only = parsed;
            }

            if (result.GetValue(minItems) < 1 || result.GetValue(top) < 1)
            {
                Console.Error.WriteLine("imr criteria: --min-items and --top must be at least 1");
                return Task.FromResult(2);
            }

            var letters = Read(result.GetValue(data) ?? [], result.GetRequiredValue(dataDirectory), cancellationToken);
            if (letters is null)
            {
                return Task.FromResult(1);
            }

            var candidates = RationalePhraseMiner.Mine(only is null ? letters : letters.Select(l => l with { Items = [.. l.Items.Where(i => i.Attributes.Category == only)] }).ToList(),
                result.GetValue(minItems), result.GetValue(top));
            Write(candidates, letters.Count, result.GetValue(json));
            return Task.FromResult(0);
        });
        return command;
    }

    private static IReadOnlyList<ImrLetter>? Read(string[] paths, DirectoryInfo dataDirectory, CancellationToken cancellationToken)
    {
        if (paths.Length == 0)
        {
            var stored = StoreLetters.Read(dataDirectory.FullName, null, null, cancellationToken);
            if (!stored.TryGetValue(out var read))
            {
                Console.Error.WriteLine($"imr criteria: {stored.Error.Message}");
                return null;
            }

            return read.Letters;
        }

        var missing = paths.Where(p => !Directory.Exists(p) && !File.Exists(p)).ToList();
        if (missing.Count > 0)
        {
            Console.Error.WriteLine($"imr criteria: no such data folder or file: {string.Join(", ", missing)}");
            return null;
        }

        return LetterLoader.Load(paths, null, cancellationToken).Parsed;
    }

    private static void Write(IReadOnlyList<PhraseCandidate> candidates, int letters, bool json)
    {
        if (json)
        {
            var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            foreach (var c in candidates)
            {
                Console.WriteLine(JsonSerializer.Serialize(new { category = c.Category.ToString(), c.Phrase, c.Items, c.Overturned, overturnRate = Math.Round(c.OverturnRate, 3), categoryRate = Math.Round(c.CategoryRate, 3), c.Criterion }, options));
            }

            return;
        }

        Console.WriteLine($"{candidates.Count:N0} candidate phrases from the rationales of {letters:N0} letters (rationales are read here only: no model sees them)");
        foreach (var group in candidates.GroupBy(c => c.Category))
        {
            var first = group.First();
            Console.WriteLine();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{group.Key}: {first.CategoryItems:N0} items, {first.CategoryOverturned:N0} overturned ({first.CategoryRate:P0})"));
            Console.WriteLine($"  {"phrase",-44} {"items",6} {"overt.",6} {"rate",6}  criterion");
            foreach (var c in group)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {c.Phrase,-44} {c.Items,6} {c.Overturned,6} {c.OverturnRate,6:P0}  {c.Criterion ?? "(none: review)"}"));
            }
        }
    }
}
