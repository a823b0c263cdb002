using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// The guideline criteria by treatment category, read from the reviewable data file <c>Criteria/criteria.json</c>
/// (embedded in this assembly), with each criterion's terms compiled into one whole-word pattern, and the words by
/// which a sentence names a category's treatments (anchors), which attribute a sentence to the right item when a
/// letter disputes several.
/// </summary>
public sealed class CriteriaCatalogue
{
    private static readonly Lazy<CriteriaCatalogue> Embedded = new(() =>
    {
        using var stream = typeof(CriteriaCatalogue).Assembly.GetManifestResourceStream("ImrPredict.Core.Criteria.criteria.json")
            ?? throw new InvalidOperationException("the criteria catalogue is not embedded in ImrPredict.Core");
        return Parse(stream);
    });

    private readonly FrozenDictionary<string, Criterion> _byId;

    private CriteriaCatalogue(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<Criterion, Regex> patterns, IReadOnlyDictionary<ItemCategory, Regex> anchors)
    {
        Criteria = criteria;
        Patterns = patterns;
        Anchors = anchors;
        _byId = criteria.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped with the service.</summary>
    public static CriteriaCatalogue Default => Embedded.Value;

    /// <summary>Every criterion, in the file's order.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>Each criterion's terms as one case-insensitive whole-word pattern.</summary>
    internal IReadOnlyDictionary<Criterion, Regex> Patterns { get; }

    /// <summary>Per category, the words that name its treatments in a sentence.</summary>
    internal IReadOnlyDictionary<ItemCategory, Regex> Anchors { get; }

    /// <summary>The criterion with <paramref name="id"/>, or null.</summary>
    public Criterion? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The criteria that apply to items of <paramref name="category"/>, in the file's order.</summary>
    public IReadOnlyList<Criterion> For(ItemCategory category) => Criteria.Where(c => c.AppliesTo(category)).ToList();

    /// <summary>Reads a catalogue in the format of <c>criteria.json</c>; throws <see cref="JsonException"/> or <see cref="InvalidDataException"/> when it is malformed.</summary>
    public static CriteriaCatalogue Parse(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        var criteria = new List<Criterion>();
        foreach (var entry in document.RootElement.GetProperty("criteria").EnumerateArray())
        {
            var id = entry.GetProperty("id").GetString() ?? throw new InvalidDataException("a criterion has no id");
            var categories = entry.GetProperty("categories").EnumerateArray().Select(c => c.GetString()!).ToList();
            var parsed = categories.Contains("*") ? [] : categories.Select(c => Enum.TryParse<ItemCategory>(c, out var category)
                ? category : throw new InvalidDataException($"criterion {id}: '{c}' is not an item category")).ToList();
            var favours = entry.GetProperty("favours").GetString() switch
            {
                "supports" => CriterionEffect.Supports,
                "against" => CriterionEffect.Against,
                var other => throw new InvalidDataException($"criterion {id}: favours '{other}' is neither supports nor against"),
            };
            var scope = entry.TryGetProperty("scope", out var s) && s.GetString() == "item" ? CriterionScope.Item : CriterionScope.Summary;
            var terms = entry.GetProperty("terms").EnumerateArray().Select(t => t.GetString()!).Where(t => t.Length > 0).ToList();
            if (terms.Count == 0)
            {
                throw new InvalidDataException($"criterion {id} has no terms");
            }

            criteria.Add(new Criterion(id, parsed, entry.GetProperty("text").GetString()!, entry.GetProperty("guideline").GetString()!, favours, scope, terms));
        }

        var duplicate = criteria.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"criterion id {duplicate.Key} appears {duplicate.Count()} times");
        }

        var anchors = new Dictionary<ItemCategory, Regex>();
        if (document.RootElement.TryGetProperty("anchors", out var anchorList))
        {
            foreach (var category in anchorList.EnumerateObject())
            {
                var words = category.Value.EnumerateArray().Select(w => w.GetString()!).Where(w => w.Length > 0).ToList();
                if (words.Count > 0 && Enum.TryParse<ItemCategory>(category.Name, out var parsedCategory))
                {
                    anchors[parsedCategory] = WholeWords(words);
                }
            }
        }

        return new CriteriaCatalogue(criteria, criteria.ToDictionary(c => c, c => WholeWords(c.Terms)), anchors);
    }

    /// <summary>Phrases as one pattern, longest first, each standing alone (not inside a longer word), spaces matching any run of white space.</summary>
    private static Regex WholeWords(IEnumerable<string> phrases) => new(
        "(?:" + string.Join('|', phrases.OrderByDescending(p => p.Length).Select(Alone)) + ")",
        // No match timeout: literal alternatives between lookarounds match in linear time, and a timeout trips under load.
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>A phrase that may not continue a word where it starts or ends with a letter or digit ("% relief" may follow "60").</summary>
    private static string Alone(string phrase) =>
        (char.IsLetterOrDigit(phrase[0]) ? @"(?<!\w)" : string.Empty)
        + Regex.Escape(phrase).Replace(@"\ ", @"\s+", StringComparison.Ordinal)
        + (char.IsLetterOrDigit(phrase[^1]) ? @"(?!\w)" : string.Empty);
}
