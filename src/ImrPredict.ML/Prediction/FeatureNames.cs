using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Prediction;

/// <summary>Turns ML.NET slot names into names a reviewer reads.</summary>
public static class FeatureNames
{
    /// <summary>The readable form of one slot name of the Features column.</summary>
    public static string Readable(string slot) => Describe(slot).Readable;

    /// <summary>What one slot name of the Features column reads, in words and by source.</summary>
    public static FeatureSlot Describe(string slot)
    {
        var dot = slot.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return new FeatureSlot(slot, FeatureSource.Other, slot, null);
        }

        var block = slot[..dot];
        var name = slot[(dot + 1)..];
        switch (block)
        {
            case "SummaryFeatures":
                return new FeatureSlot($"summary: \"{Words(name)}\"", FeatureSource.Summary, Words(name), null);
            // "KeyedFeatures" is the single keyed block of bundles made before the blocks were split by category.
            case "KeyedFeatures":
            case var _ when KeyedCategory(slot) is not null:
                var (words, category) = KeyedWords(name);
                return new FeatureSlot($"summary, for {category ?? "any"} requests: \"{words}\"", FeatureSource.Summary, words, KeyedCategory(slot));
            case "ItemFeatures" when name.StartsWith("Char.", StringComparison.Ordinal):
                // ML.NET marks a word boundary inside a character n-gram with a control picture in angle brackets ("<␠>", "<␟>").
                var letters = System.Text.RegularExpressions.Regex.Replace(name[5..].Replace("|", string.Empty, StringComparison.Ordinal), "<[\u2400-\u243F]>", " ");
                return new FeatureSlot($"requested item letters: \"{letters}\"", FeatureSource.ItemLetters, letters, null);
            case "ItemFeatures":
                return new FeatureSlot($"requested item: \"{Words(name)}\"", FeatureSource.Item, Words(name), null);
            case "CriteriaFeatures":
                return new FeatureSlot($"criterion: {name}", FeatureSource.Criterion, name, null);
            case "CategoryFeatures":
                return new FeatureSlot($"item category = {name}", FeatureSource.Category, name, null);
            case "Numeric":
                return new FeatureSlot(name, FeatureSource.Number, name, null);
            case "NumericMissing":
                return new FeatureSlot($"{name} not stated", FeatureSource.NumberMissing, name, null);
            default:
                return new FeatureSlot(slot, FeatureSource.Other, slot, null);
        }
    }

    /// <summary>The category a slot of a category-keyed summary block belongs to; null for every other slot.</summary>
    public static string? KeyedCategory(string slot)
    {
        var dot = slot.IndexOf('.', StringComparison.Ordinal);
        var block = dot < 0 ? slot : slot[..dot];
        return block.Length > "KeyedFeatures".Length && block.StartsWith("Keyed", StringComparison.Ordinal) && block.EndsWith("Features", StringComparison.Ordinal)
            ? block["Keyed".Length..^"Features".Length]
            : null;
    }

    private static string Words(string ngram) => ngram.Replace('|', ' ');

    private static readonly string[] CategoryKeys = Enum.GetNames<ItemCategory>().Select(n => n.ToLowerInvariant() + "x").ToArray();

    /// <summary>A keyed n-gram's words without their category prefix ("opioidxfunctional"), and the category the prefix names.</summary>
    private static (string Words, string? Category) KeyedWords(string ngram)
    {
        string? category = null;
        var words = ngram.Split('|').Select(word =>
        {
            var key = CategoryKeys.FirstOrDefault(k => word.StartsWith(k, StringComparison.Ordinal));
            category ??= key?[..^1];
            return key is null ? word : word[key.Length..];
        }).ToList();
        return (string.Join(' ', words), category);
    }
}
