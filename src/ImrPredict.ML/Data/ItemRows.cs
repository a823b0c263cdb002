using System.Globalization;
using System.Text.RegularExpressions;
using ImrPredict.Core.Criteria;
using ImrPredict.Core.Letters;

namespace ImrPredict.ML.Data;

/// <summary>Turns parsed letters into model rows. Reads only what a new case would have: never the rationale or guideline lines.</summary>
public static partial class ItemRows
{
    /// <summary>One row per disputed item of the letter.</summary>
    public static IEnumerable<ItemRow> From(ImrLetter letter)
    {
        // The summary's criteria, read once for all items (never the rationales).
        var criteria = CriteriaDetector.Detect(letter);
        for (var i = 0; i < letter.Items.Count; i++)
        {
            var item = letter.Items[i];
            yield return From(letter.LetterId, item.Index, letter.ClinicalSummary, item.RequestedItem, item.Attributes,
                item.Partial is not null, letter.DaysFromInjuryToUrDenial, letter.Items.Count, criteria[i], item.Decision == Decision.Overturned);
        }
    }

    /// <summary>A row for a case that has not been decided (prediction input); <paramref name="criteria"/> from <see cref="CriteriaDetector"/>.</summary>
    public static ItemRow From(string letterId, int index, string clinicalSummary, string requestedItem, ItemAttributes attributes,
        bool partialAuthorization, int? daysFromInjuryToUrDenial, int itemsInLetter, ItemCriteria criteria, bool label = false) => new()
        {
            LetterId = letterId,
            ItemIndex = index,
            Label = label,
            ClinicalSummary = clinicalSummary,
            CategorySummary = KeyByCategory(clinicalSummary, attributes.Category),
            RequestedItem = requestedItem,
            ItemCategory = attributes.Category.ToString(),
            Quantity = attributes.Quantity ?? float.NaN,
            Strength = LeadingNumber(attributes.Strength),
            Sessions = attributes.Sessions ?? float.NaN,
            PartialAuthorization = partialAuthorization ? 1 : 0,
            DaysFromInjuryToUrDenial = daysFromInjuryToUrDenial ?? float.NaN,
            ItemsInLetter = itemsInLetter,
            Criteria = CriteriaTokens.Of(criteria),
            PainWithMedication = criteria.Numbers.PainWithMedication ?? float.NaN,
            PainWithoutMedication = criteria.Numbers.PainWithoutMedication ?? float.NaN,
            SessionsCompleted = criteria.Numbers.SessionsCompleted ?? float.NaN,
            ReliefPercent = criteria.Numbers.ReliefPercent ?? float.NaN,
        };

    /// <summary>The fold (0..folds-1) of a letter: a stable hash of its id, so all its items share a fold.</summary>
    public static int FoldOf(string letterId, int folds, int seed)
    {
        var hash = 2166136261u ^ (uint)seed;
        foreach (var c in letterId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        hash ^= hash >> 15;
        hash *= 0x2C1B3C6Du;
        hash ^= hash >> 12;
        return (int)(hash % (uint)folds);
    }

    /// <summary>Prefixes every word of the text with the category's name, lower case, punctuation dropped.</summary>
    public static string KeyByCategory(string text, ItemCategory category)
    {
        var prefix = category.ToString().ToLowerInvariant() + "x";
        var builder = new System.Text.StringBuilder(text.Length * 2);
        foreach (Match word in Word().Matches(text))
        {
            if (builder.Length > 0)
            {
                builder.Append(' ');
            }

            builder.Append(prefix).Append(word.Value.ToLowerInvariant());
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"[A-Za-z0-9]+(?:[/.][0-9]+)?")]
    private static partial Regex Word();

    private static float LeadingNumber(string? strength)
    {
        if (strength is null)
        {
            return float.NaN;
        }

        var match = Number().Match(strength);
        return match.Success && float.TryParse(match.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : float.NaN;
    }

    [GeneratedRegex(@"\d+(\.\d+)?")]
    private static partial Regex Number();
}
