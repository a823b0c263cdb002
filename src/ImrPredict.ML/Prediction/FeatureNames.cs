using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Prediction;

/// <summary>Turns ML.NET slot names into names a reviewer reads.</summary>
public static class FeatureNames
{
    /// <summary>The readable form of one slot name of the Features column.</summary>
    public static string Readable(string slot)
    {
        var dot = slot.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return slot;
        }

        var block = slot[..dot];
        var name = slot[(dot + 1)..];
        return block switch
        {
            "SummaryFeatures" => $"summary: \"{Words(name)}\"",
            // "KeyedFeatures" is the single keyed block of bundles made before the blocks were split by category.
            "KeyedFeatures" => KeyedName(name),
            _ when KeyedCategory(slot) is not null => KeyedName(name),
            "ItemFeatures" when name.StartsWith("Char.", StringComparison.Ordinal) =>
                $"requested item letters: \"{name[5..].Replace("|", string.Empty, StringComparison.Ordinal).Replace("<\u241F>", " ", StringComparison.Ordinal)}\"",
            "ItemFeatures" => $"requested item: \"{Words(name)}\"",
            "CategoryFeatures" => $"item category = {name}",
            "Numeric" => name,
            "NumericMissing" => $"{name} not stated",
            _ => slot,
        };
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

    private static string KeyedName(string ngram)
    {
        string? category = null;
        var words = ngram.Split('|').Select(word =>
        {
            var key = CategoryKeys.FirstOrDefault(k => word.StartsWith(k, StringComparison.Ordinal));
            category ??= key?[..^1];
            return key is null ? word : word[key.Length..];
        }).ToList();
        return $"summary, for {category ?? "any"} requests: \"{string.Join(' ', words)}\"";
    }
}
