using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using ImrPredict.Core.Letters;

namespace ImrPredict.Core.Criteria;

/// <summary>
/// The guideline criteria by treatment category, read from the reviewable data file <c>Criteria/criteria.json</c>
/// (embedded in this assembly), with every criterion's terms in one matcher (whole words, case-insensitive), and the words by
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
    private readonly FrozenDictionary<ItemCategory, IReadOnlyList<Criterion>> _byCategory;

    private CriteriaCatalogue(IReadOnlyList<Criterion> criteria, IReadOnlyDictionary<ItemCategory, IReadOnlyList<string>> anchors)
    {
        Criteria = criteria;
        _byCategory = Enum.GetValues<ItemCategory>().ToFrozenDictionary(c => c, c => (IReadOnlyList<Criterion>)criteria.Where(k => k.AppliesTo(c)).ToArray());
        ItemTerms = new TermMatcher<Criterion>(criteria.Where(c => c.Scope != CriterionScope.Summary).SelectMany(c => c.Terms.Select(t => (t, c))));
        SummaryTerms = new TermMatcher<Criterion>(criteria.Where(c => c.Scope == CriterionScope.Summary).SelectMany(c => c.Terms.Select(t => (t, c))));
        Anchors = new TermMatcher<ItemCategory>(anchors.SelectMany(a => a.Value.Select(w => (w, a.Key))));
        _byId = criteria.ToFrozenDictionary(c => c.Id, StringComparer.Ordinal);
    }

    /// <summary>The catalogue shipped with the service.</summary>
    public static CriteriaCatalogue Default => Embedded.Value;

    /// <summary>Every criterion, in the file's order.</summary>
    public IReadOnlyList<Criterion> Criteria { get; }

    /// <summary>The terms of every criterion read in the requested item or the earlier review's narration.</summary>
    internal TermMatcher<Criterion> ItemTerms { get; }

    /// <summary>The terms of every criterion read in the summary, found in one pass.</summary>
    internal TermMatcher<Criterion> SummaryTerms { get; }

    /// <summary>The words that name each category's treatments in a sentence.</summary>
    internal TermMatcher<ItemCategory> Anchors { get; }

    /// <summary>The criterion with <paramref name="id"/>, or null.</summary>
    public Criterion? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>The criteria that apply to items of <paramref name="category"/>, in the file's order.</summary>
    public IReadOnlyList<Criterion> For(ItemCategory category) => _byCategory.TryGetValue(category, out var applicable) ? applicable : [];

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
            var scope = !entry.TryGetProperty("scope", out var s) ? CriterionScope.Summary : s.GetString() switch
            {
                "summary" => CriterionScope.Summary,
                "item" => CriterionScope.Item,
                "review" => CriterionScope.Review,
                var other => throw new InvalidDataException($"criterion {id}: scope '{other}' is none of summary, item, review"),
            };
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

        var anchors = new Dictionary<ItemCategory, IReadOnlyList<string>>();
        if (document.RootElement.TryGetProperty("anchors", out var anchorList))
        {
            foreach (var category in anchorList.EnumerateObject())
            {
                var words = category.Value.EnumerateArray().Select(w => w.GetString()!).Where(w => w.Length > 0).ToList();
                if (words.Count > 0 && Enum.TryParse<ItemCategory>(category.Name, out var parsedCategory))
                {
                    anchors[parsedCategory] = words;
                }
            }
        }

        return new CriteriaCatalogue(criteria, anchors);
    }
}
