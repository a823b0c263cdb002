using System.Globalization;
using ImrPredict.Core.Letters;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ImrPredict.Search;

/// <summary>
/// The index's document schema: one document per disputed item. Ids and filter values are <see cref="StringField"/>s,
/// prose is <see cref="TextField"/>, the rationale's MinHash signature is a binary doc value (read per candidate
/// without loading stored fields).
/// </summary>
internal static class PrecedentSchema
{
    public const string Id = "id", LetterId = "letterId", CaseNumber = "caseNumber", ItemIndex = "itemIndex";
    public const string DecisionDate = "decisionDate", RequestedItem = "requestedItem", Category = "category", Decision = "decision";
    public const string GuidelineSource = "guidelineSource", GuidelineTopics = "guidelineTopics", Summary = "summary", Rationale = "rationale";
    public const string Specialty = "specialty", StoredSummary = "summaryStored", RationaleSignatureField = "rationaleSignature";

    /// <summary>The item's criteria statuses (<see cref="CriteriaFacets"/>), for filters; the same values as doc values for counting.</summary>
    public const string Criterion = "criterion", CriterionFacet = "criterionFacet", DecisionFacet = "decisionFacet";

    /// <summary>The identifiers a user may type for the item's letter (<see cref="CaseIdentifiers.Keys"/>), not stored.</summary>
    public const string CaseKey = "caseKey";

    /// <summary>
    /// The version of what a document holds. An index written under an older one starts over from the store when opened
    /// (its documents lack fields searches now read).
    /// </summary>
    public const int Version = 2;

    /// <summary>Present ("true") on items of generated demo letters.</summary>
    public const string Generated = "generated";

    /// <summary>The stored fields a hit reads (not the long summary).</summary>
    public static readonly ISet<string> HitFields = new HashSet<string>
    {
        Id, LetterId, CaseNumber, ItemIndex, DecisionDate, RequestedItem, Category, Decision, Rationale, Generated,
    };

    /// <summary>The stored fields a letter's item list reads.</summary>
    public static readonly ISet<string> LetterItemFields = new HashSet<string>
    {
        Id, ItemIndex, RequestedItem, Category, Decision, GuidelineSource, GuidelineTopics,
    };

    /// <summary>The prose fields whose terms passages are marked with.</summary>
    public static readonly ISet<string> ProseFields = new HashSet<string>(StringComparer.Ordinal) { Summary, RequestedItem, Rationale, GuidelineTopics };

    /// <summary>The document of one disputed item; <paramref name="generated"/> for a generated demo letter.</summary>
    public static Document ToDocument(ImrLetter letter, DisputedItem item, bool generated = false, IReadOnlyList<string>? criteria = null)
    {
        var document = new Document
        {
            new StringField(Id, PrecedentIds.Of(letter.LetterId, item.Index), Field.Store.YES),
            new StringField(LetterId, letter.LetterId, Field.Store.YES),
            new StoredField(ItemIndex, item.Index),
            new TextField(RequestedItem, item.RequestedItem, Field.Store.YES),
            new StringField(Category, item.Attributes.Category.ToString(), Field.Store.YES),
            new StringField(Decision, item.Decision.ToString(), Field.Store.YES),
            new TextField(Summary, letter.ClinicalSummary, Field.Store.NO),
            new StoredField(StoredSummary, letter.ClinicalSummary),
            new TextField(Rationale, item.Rationale, Field.Store.YES),
            new BinaryDocValuesField(RationaleSignatureField, new BytesRef(RationaleSignature.ToBytes(RationaleSignature.Of(item.Rationale)))),
        };
        if (generated)
        {
            document.Add(new StringField(Generated, "true", Field.Store.YES));
        }

        document.Add(new SortedDocValuesField(DecisionFacet, new BytesRef(item.Decision.ToString())));
        foreach (var value in criteria ?? [])
        {
            document.Add(new StringField(Criterion, value, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(CriterionFacet, new BytesRef(value)));
        }

        foreach (var key in CaseIdentifiers.Keys(letter.LetterId, letter.Header.CaseNumber).Distinct(StringComparer.Ordinal))
        {
            document.Add(new StringField(CaseKey, key, Field.Store.NO));
        }

        if (letter.Header.CaseNumber is { } caseNumber)
        {
            document.Add(new StringField(CaseNumber, caseNumber, Field.Store.YES));
        }

        if (letter.Header.DecisionDate is { } date)
        {
            document.Add(new Int32Field(DecisionDate, DateKey(date), Field.Store.YES));
        }

        foreach (var source in item.GuidelineCitations.Select(c => c.Source).Distinct())
        {
            document.Add(new StringField(GuidelineSource, source.ToString(), Field.Store.YES));
        }

        foreach (var topic in item.GuidelineCitations.Select(c => c.Topic).OfType<string>().Distinct())
        {
            document.Add(new TextField(GuidelineTopics, topic, Field.Store.YES));
        }

        foreach (var specialty in letter.Reviewer.Specialties)
        {
            document.Add(new StringField(Specialty, specialty, Field.Store.YES));
        }

        return document;
    }

    /// <summary>A hit from a document's stored fields.</summary>
    public static PrecedentHit ToHit(Document document, float score, IReadOnlyList<Passage> passages, int collapsed)
    {
        var dateKey = document.GetField(DecisionDate)?.GetInt32Value();
        return new PrecedentHit(
            document.Get(Id),
            document.Get(LetterId),
            document.Get(CaseNumber),
            document.GetField(ItemIndex)?.GetInt32Value() ?? 0,
            document.Get(RequestedItem),
            Enum.Parse<ItemCategory>(document.Get(Category)),
            Enum.Parse<Decision>(document.Get(Decision)),
            dateKey is { } key ? DateOnly.ParseExact(key.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture) : null,
            score,
            passages,
            collapsed) { Generated = document.Get(Generated) == "true" };
    }

    /// <summary>One item of a letter's list, from a document's stored fields.</summary>
    public static LetterItem ToLetterItem(Document document) => new(
        document.Get(Id),
        document.GetField(ItemIndex)?.GetInt32Value() ?? 0,
        document.Get(RequestedItem),
        Enum.Parse<ItemCategory>(document.Get(Category)),
        Enum.Parse<Decision>(document.Get(Decision)),
        GuidelineSources(document),
        document.GetValues(GuidelineTopics) ?? []);

    /// <summary>The whole stored precedent of a document.</summary>
    public static Precedent ToPrecedent(Document document, float score) =>
        new(ToHit(document, score, [], 0), document.Get(StoredSummary) ?? string.Empty, document.Get(Rationale) ?? string.Empty,
            GuidelineSources(document),
            document.GetValues(GuidelineTopics) ?? [], document.GetValues(Specialty) ?? []);

    private static List<GuidelineSource> GuidelineSources(Document document) =>
        (document.GetValues(GuidelineSource) ?? []).Select(Enum.Parse<GuidelineSource>).ToList();

    /// <summary>The rationale signature of a document, from doc values; empty when the index predates signatures.</summary>
    public static ulong[] Signature(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(RationaleSignatureField);
        if (values is null)
        {
            return [];
        }

        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return RationaleSignature.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    /// <summary>A date as the sortable integer the date field holds.</summary>
    public static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    /// <summary>An optional date as its key.</summary>
    public static int? DateKey(DateOnly? date) => date is { } d ? DateKey(d) : null;

    /// <summary>The precedent id and category of document <paramref name="doc"/> (stored fields).</summary>
    internal static (string? Id, string? Category) IdAndCategoryOf(Lucene.Net.Index.IndexReader reader, int doc)
    {
        var document = reader.Document(doc, IdAndCategory);
        return (document.Get(Id), document.Get(Category));
    }

    private static readonly ISet<string> IdAndCategory = new HashSet<string>(StringComparer.Ordinal) { Id, Category };
}
