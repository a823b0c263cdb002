using System.Globalization;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Parsing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Directory = Lucene.Net.Store.Directory;

namespace ImrPredict.Search;

/// <summary>How the index analyzes and queries text.</summary>
public enum SearchProfile
{
    /// <summary>The tuned analyzer, tf-idf term selection from the case, item and category boosts, duplicate collapse.</summary>
    Tuned,

    /// <summary>A plain BM25 baseline: the standard analyzer, every term of the case, no boosts, no collapse.</summary>
    Plain,
}

/// <summary>
/// The precedent index: one Lucene document per disputed item. Adds are committed before they return,
/// so an acknowledged letter survives a crash; re-adding a letter replaces its items. Searches go through
/// a <see cref="SearcherManager"/> (acquire, release), so they run while letters are added.
/// </summary>
public sealed class PrecedentIndex : IDisposable
{
    /// <summary>The largest query text accepted.</summary>
    public const int MaxQueryChars = 20_000;

    /// <summary>Distinctive summary terms a by-case query keeps (more-like-this style).</summary>
    public const int MaxCaseTerms = 10;

    /// <summary>Summary terms in more than this share of items (and more than 200) are too common to select: they cost time and say little (each selected term is a posting list to score).</summary>
    public const double MaxTermDocShare = 0.003;

    /// <summary>The most hits on one page.</summary>
    public const int MaxPageSize = 100;

    /// <summary>How much more a requested-item term counts than the case's most distinctive summary term.</summary>
    private const float ItemBoost = 2f;

    private const string IdField = "id", LetterIdField = "letterId", CaseNumberField = "caseNumber", IndexField = "itemIndex";
    private const string DateField = "decisionDate", ItemField = "requestedItem", CategoryField = "category", DecisionField = "decision";
    private const string SourceField = "guidelineSource", TopicField = "guidelineTopics", SummaryField = "summary", RationaleField = "rationale";
    private const string SpecialtyField = "specialty", StoredSummaryField = "summaryStored", SignatureField = "rationaleSignature";
    private static readonly ISet<string> HitFields = new HashSet<string>
    {
        IdField, LetterIdField, CaseNumberField, IndexField, DateField, ItemField, CategoryField, DecisionField, RationaleField,
    };

    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Analyzer _analyzer;
    private readonly SearchProfile _profile;
    private readonly object _writeGate = new();
    private readonly FilterCache _filterCache = new();

    private PrecedentIndex(Directory directory, IndexWriter writer, Analyzer analyzer, SearchProfile profile)
    {
        _directory = directory;
        _writer = writer;
        _analyzer = analyzer;
        _profile = profile;
        _searchers = new SearcherManager(writer, applyAllDeletes: true, new Bm25SearcherFactory());
    }

    /// <summary>Items in the index.</summary>
    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Opens (or creates) an index folder. A damaged index is refused at open; a folder locked by another
    /// writer is reported as such.
    /// </summary>
    public static SearchResult<PrecedentIndex> Open(string folder, SearchProfile profile = SearchProfile.Tuned)
    {
        NIOFSDirectory? directory = null;
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            directory = new NIOFSDirectory(folder);
            return Open(directory, profile, checkExisting: DirectoryReader.IndexExists(directory), location: folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            directory?.Dispose();
            return new SearchError(SearchErrorCode.IndexDamaged, null, $"the index folder '{folder}' cannot be opened: {e.Message}");
        }
    }

    /// <summary>An index in memory (tests, evaluations).</summary>
    public static PrecedentIndex InMemory(SearchProfile profile = SearchProfile.Tuned) =>
        Open(new RAMDirectory(), profile, checkExisting: false, location: "memory").Value;

    private static SearchResult<PrecedentIndex> Open(Directory directory, SearchProfile profile, bool checkExisting, string location)
    {
        Analyzer analyzer = profile == SearchProfile.Tuned ? new ImrAnalyzer() : new StandardAnalyzer(SearchVersion.Lucene);
        try
        {
            if (checkExisting)
            {
                // Open a reader first: a damaged segment fails here, before anything is served or written.
                using var reader = DirectoryReader.Open(directory);
                for (var i = 0; i < Math.Min(reader.MaxDoc, 3); i++)
                {
                    _ = reader.Document(i);
                }
            }

            var config = new IndexWriterConfig(SearchVersion.Lucene, analyzer)
            {
                OpenMode = OpenMode.CREATE_OR_APPEND,
                Similarity = new BM25Similarity(),
                RAMBufferSizeMB = 64,
            };
            var writer = new IndexWriter(directory, config);
            return new PrecedentIndex(directory, writer, analyzer, profile);
        }
        catch (LockObtainFailedException e)
        {
            analyzer.Dispose();
            directory.Dispose();
            return new SearchError(SearchErrorCode.IndexLocked, null, $"the index at '{location}' is locked by another writer: {e.Message}");
        }
        catch (Exception e) when (e is CorruptIndexException or IOException or IndexFormatTooOldException or IndexFormatTooNewException or InvalidOperationException or ArgumentException)
        {
            analyzer.Dispose();
            directory.Dispose();
            return new SearchError(SearchErrorCode.IndexDamaged, null, $"the index at '{location}' is damaged and will not be served: {e.Message}");
        }
    }

    /// <summary>
    /// Adds letters, replacing any items already indexed for the same letter ids, and commits. When this returns,
    /// the letters are durable and visible to new searches.
    /// </summary>
    public int AddLetters(IEnumerable<ImrLetter> letters)
    {
        var items = 0;
        lock (_writeGate)
        {
            foreach (var letter in letters)
            {
                _writer.DeleteDocuments(new Term(LetterIdField, letter.LetterId));
                foreach (var item in letter.Items)
                {
                    _writer.AddDocument(ToDocument(letter, item));
                    items++;
                }
            }

            _writer.Commit();
        }

        _searchers.MaybeRefreshBlocking();
        _docFreqs.Clear();
        return items;
    }

    /// <summary>The precedents most like a new case: summary and requested item, with filters and paging.</summary>
    public SearchResult<PrecedentPage> SearchByCase(string clinicalSummary, string requestedItem, SearchFilters filters, int pageSize = 10, int page = 0)
    {
        if (Validate(filters, pageSize, page) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(clinicalSummary) && string.IsNullOrWhiteSpace(requestedItem))
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "clinicalSummary", "give a clinical summary or a requested item to search by");
        }

        if (clinicalSummary.Length + requestedItem.Length > MaxQueryChars)
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "clinicalSummary", $"the case text is {clinicalSummary.Length + requestedItem.Length:N0} characters; at most {MaxQueryChars:N0}");
        }

        return Search(searcher => CaseQuery(searcher.IndexReader, clinicalSummary, requestedItem, filters), filters, pageSize, page);
    }

    /// <summary>A reviewer's free-text search over rationales, summaries, items and guideline topics.</summary>
    public SearchResult<PrecedentPage> SearchByText(string text, SearchFilters filters, int pageSize = 10, int page = 0)
    {
        if (Validate(filters, pageSize, page) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "query", "the query is empty");
        }

        if (text.Length > MaxQueryChars)
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "query", $"the query is {text.Length:N0} characters; at most {MaxQueryChars:N0}");
        }

        return Search(_ => TextQuery(text), filters, pageSize, page);
    }

    /// <summary>One stored precedent by id (<c>letterId#index</c>).</summary>
    public SearchResult<Precedent> Get(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "id", "the precedent id is empty");
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(IdField, id)), 1);
            if (top.TotalHits == 0)
            {
                return new SearchError(SearchErrorCode.NotFound, "id", $"no precedent '{id}'");
            }

            var document = searcher.Doc(top.ScoreDocs[0].Doc);
            return new Precedent(ToHit(document, top.ScoreDocs[0].Score, [], 0), document.Get(StoredSummaryField) ?? string.Empty,
                document.Get(RationaleField) ?? string.Empty,
                (document.GetValues(SourceField) ?? []).Select(Enum.Parse<GuidelineSource>).ToList(),
                document.GetValues(TopicField) ?? [], document.GetValues(SpecialtyField) ?? []);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _analyzer.Dispose();
        _directory.Dispose();
    }

    private SearchResult<PrecedentPage> Search(Func<IndexSearcher, Query> makeQuery, SearchFilters filters, int pageSize, int page)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var query = makeQuery(searcher);
            var scored = WithoutLetter(query, filters.ExcludeLetterId);
            var filter = FilterQuery(filters);
            var finalQuery = filter is null ? scored : FilterCache.Apply(scored, _filterCache.For(filter));
            var wanted = (page + 1) * pageSize;
            var top = searcher.Search(finalQuery, Math.Min(wanted * 3 + pageSize, 2000));
            var weights = QueryTermWeights(query);

            // Collapse near-duplicate rationales on MinHash signatures kept in doc values (no stored-field reads per
            // candidate); documents are read only for the hits returned.
            var kept = new List<(int Doc, float Score, ulong[] Signature, int Collapsed)>();
            foreach (var scoreDoc in top.ScoreDocs)
            {
                var signature = _profile == SearchProfile.Tuned ? Signature(searcher.IndexReader, scoreDoc.Doc) : [];
                var duplicateOf = _profile == SearchProfile.Tuned ? kept.FindIndex(k => RationaleSignature.Similarity(k.Signature, signature) >= 0.6) : -1;
                if (duplicateOf >= 0)
                {
                    kept[duplicateOf] = kept[duplicateOf] with { Collapsed = kept[duplicateOf].Collapsed + 1 };
                    continue;
                }

                kept.Add((scoreDoc.Doc, scoreDoc.Score, signature, 0));
                if (kept.Count >= wanted + pageSize)
                {
                    break;
                }
            }

            var hits = kept.Skip(page * pageSize).Take(pageSize)
                .Select(k =>
                {
                    var document = searcher.Doc(k.Doc, HitFields);
                    return ToHit(document, k.Score, Passages.Best(_analyzer, RationaleField, document.Get(RationaleField) ?? string.Empty, weights), k.Collapsed);
                })
                .ToList();
            return new PrecedentPage(hits, top.TotalHits, page);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private Query CaseQuery(IndexReader reader, string summary, string requestedItem, SearchFilters filters)
    {
        var query = new BooleanQuery();
        if (_profile == SearchProfile.Plain)
        {
            foreach (var term in Analyze(SummaryField, summary).Distinct())
            {
                query.Add(new TermQuery(new Term(SummaryField, term)), Occur.SHOULD);
            }

            foreach (var term in Analyze(ItemField, requestedItem).Distinct())
            {
                query.Add(new TermQuery(new Term(ItemField, term)), Occur.SHOULD);
            }

            return query;
        }

        // More-like-this term selection: the case's most distinctive summary terms by tf-idf.
        var documents = Math.Max(1, reader.NumDocs);
        // One document-frequency lookup per distinct term (each is a seek in every segment): the main cost of a by-case query.
        var selected = Analyze(SummaryField, summary)
            .Where(t => t.Length > 2)
            .GroupBy(t => t)
            .Select(g => (Term: g.Key, Count: g.Count(), DocFreq: SummaryDocFreq(reader, g.Key)))
            .Where(t => t.DocFreq > 0 && t.DocFreq <= Math.Max(200, documents * MaxTermDocShare))
            .Select(t => (t.Term, Weight: t.Count * Idf(t.DocFreq, documents), t.DocFreq))
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(MaxCaseTerms)
            .ToList();
        // One flat list of optional terms (boosts carry the weighting): Lucene scores it with its bulk boolean scorer,
        // where nested groups would each need an in-order scorer.
        var top = selected.Count == 0 ? 1 : selected[0].Weight;
        foreach (var (term, weight, _) in selected)
        {
            query.Add(new TermQuery(new Term(SummaryField, term)) { Boost = (float)(weight / top) }, Occur.SHOULD);
        }

        foreach (var term in Analyze(ItemField, requestedItem).Distinct())
        {
            query.Add(new TermQuery(new Term(ItemField, term)) { Boost = ItemBoost }, Occur.SHOULD);
        }

        // Prefer the request's own category, unless a filter already keeps only that category: then the clause
        // adds nothing to the ranking and costs a pass over one of the longest posting lists.
        if (!string.IsNullOrWhiteSpace(requestedItem))
        {
            var category = ItemAttributeExtractor.Categorize(requestedItem);
            if (filters.Categories is not { Count: 1 } only || only[0] != category)
            {
                query.Add(new TermQuery(new Term(CategoryField, category.ToString())) { Boost = 3f }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// Summary document frequencies, cached: the same terms recur in every case, and each uncached lookup seeks
    /// every segment. Cleared when letters are added; frequencies only weight term selection, so a value from a
    /// moment earlier is harmless.
    /// </summary>
    private int SummaryDocFreq(IndexReader reader, string term)
    {
        if (_docFreqs.Count > 500_000)
        {
            _docFreqs.Clear();
        }

        return _docFreqs.GetOrAdd(term, t => reader.DocFreq(new Term(SummaryField, t)));
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _docFreqs = new(StringComparer.Ordinal);

    private Query TextQuery(string text)
    {
        var query = new BooleanQuery();
        (string Field, float Boost)[] fields = [(RationaleField, 1f), (SummaryField, 0.6f), (ItemField, 1.5f), (TopicField, 0.8f)];
        foreach (var term in Analyze(RationaleField, text).Distinct())
        {
            var perTerm = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in fields)
            {
                perTerm.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }

            query.Add(perTerm, Occur.SHOULD);
        }

        return query;
    }

    private static Query? FilterQuery(SearchFilters filters)
    {
        var filter = new BooleanQuery();
        if (filters.Decision is { } decision)
        {
            filter.Add(new TermQuery(new Term(DecisionField, decision.ToString())), Occur.MUST);
        }

        AddAny(filter, CategoryField, filters.Categories?.Select(c => c.ToString()));
        AddAny(filter, SourceField, filters.GuidelineSources?.Select(s => s.ToString()));
        if (filters.DecidedFrom is not null || filters.DecidedTo is not null)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(DateField, DateKey(filters.DecidedFrom), DateKey(filters.DecidedTo), true, true), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : filter;
    }

    /// <summary>
    /// Leaves out one letter's items (the case's own, in evaluations) with a prohibited clause in the scored query,
    /// not in the filter: the filter is cached and shared, the excluded letter differs per query.
    /// </summary>
    private static Query WithoutLetter(Query query, string? letterId)
    {
        if (letterId is null)
        {
            return query;
        }

        var excluded = new TermQuery(new Term(LetterIdField, letterId));
        if (query is BooleanQuery boolean && boolean.Clauses.Any(c => c.Occur != Occur.MUST_NOT))
        {
            boolean.Add(excluded, Occur.MUST_NOT);
            return boolean;
        }

        return new BooleanQuery { { query, Occur.MUST }, { excluded, Occur.MUST_NOT } };
    }

    private static void AddAny(BooleanQuery filter, string field, IEnumerable<string>? values)
    {
        var list = values?.ToList();
        if (list is null || list.Count == 0)
        {
            return;
        }

        var any = new BooleanQuery();
        foreach (var value in list)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        filter.Add(any, Occur.MUST);
    }

    private static SearchError? Validate(SearchFilters filters, int pageSize, int page)
    {
        if (pageSize is < 1 or > MaxPageSize)
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "pageSize", $"page size {pageSize} is outside 1..{MaxPageSize}");
        }

        if (page is < 0 or > 1000)
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "page", $"page {page} is outside 0..1000");
        }

        if (filters.DecidedFrom is { } from && filters.DecidedTo is { } to && from > to)
        {
            return new SearchError(SearchErrorCode.InvalidArgument, "decidedFrom", $"the date range is out of order: {from:yyyy-MM-dd} is after {to:yyyy-MM-dd}");
        }

        return null;
    }

    private Document ToDocument(ImrLetter letter, DisputedItem item)
    {
        var document = new Document
        {
            new StringField(IdField, $"{letter.LetterId}#{item.Index}", Field.Store.YES),
            new StringField(LetterIdField, letter.LetterId, Field.Store.YES),
            new StoredField(IndexField, item.Index),
            new TextField(ItemField, item.RequestedItem, Field.Store.YES),
            new StringField(CategoryField, item.Attributes.Category.ToString(), Field.Store.YES),
            new StringField(DecisionField, item.Decision.ToString(), Field.Store.YES),
            new TextField(SummaryField, letter.ClinicalSummary, Field.Store.NO),
            new StoredField(StoredSummaryField, letter.ClinicalSummary),
            new TextField(RationaleField, item.Rationale, Field.Store.YES),
            new BinaryDocValuesField(SignatureField, new BytesRef(RationaleSignature.ToBytes(RationaleSignature.Of(item.Rationale)))),
        };
        if (letter.Header.CaseNumber is { } caseNumber)
        {
            document.Add(new StringField(CaseNumberField, caseNumber, Field.Store.YES));
        }

        if (letter.Header.DecisionDate is { } date)
        {
            document.Add(new Int32Field(DateField, DateKey(date), Field.Store.YES));
        }

        foreach (var source in item.GuidelineCitations.Select(c => c.Source).Distinct())
        {
            document.Add(new StringField(SourceField, source.ToString(), Field.Store.YES));
        }

        foreach (var topic in item.GuidelineCitations.Select(c => c.Topic).OfType<string>().Distinct())
        {
            document.Add(new TextField(TopicField, topic, Field.Store.YES));
        }

        foreach (var specialty in letter.Reviewer.Specialties)
        {
            document.Add(new StringField(SpecialtyField, specialty, Field.Store.YES));
        }

        return document;
    }

    private static PrecedentHit ToHit(Document document, float score, IReadOnlyList<string> passages, int collapsed)
    {
        var dateKey = document.GetField(DateField)?.GetInt32Value();
        return new PrecedentHit(
            document.Get(IdField),
            document.Get(LetterIdField),
            document.Get(CaseNumberField),
            document.GetField(IndexField)?.GetInt32Value() ?? 0,
            document.Get(ItemField),
            Enum.Parse<ItemCategory>(document.Get(CategoryField)),
            Enum.Parse<Decision>(document.Get(DecisionField)),
            dateKey is { } key ? DateOnly.ParseExact(key.ToString(CultureInfo.InvariantCulture), "yyyyMMdd", CultureInfo.InvariantCulture) : null,
            score,
            passages,
            collapsed);
    }

    private List<string> Analyze(string field, string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        using var stream = _analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static Dictionary<string, float> QueryTermWeights(Query query)
    {
        var weights = new Dictionary<string, float>(StringComparer.Ordinal);
        void Walk(Query q, float boost)
        {
            switch (q)
            {
                case TermQuery termQuery when termQuery.Term.Field is SummaryField or ItemField or RationaleField or TopicField:
                    var text = termQuery.Term.Text;
                    weights[text] = Math.Max(weights.GetValueOrDefault(text), boost * termQuery.Boost);
                    break;
                case BooleanQuery booleanQuery:
                    foreach (var clause in booleanQuery.Clauses)
                    {
                        Walk(clause.Query, boost * booleanQuery.Boost);
                    }

                    break;
                case DisjunctionMaxQuery dismax:
                    foreach (var inner in dismax.Disjuncts)
                    {
                        Walk(inner, boost * dismax.Boost);
                    }

                    break;
            }
        }

        Walk(query, 1f);
        return weights;
    }

    private static ulong[] Signature(IndexReader reader, int doc)
    {
        var leaves = reader.Leaves;
        var leaf = leaves[ReaderUtil.SubIndex(doc, leaves)];
        var values = leaf.AtomicReader.GetBinaryDocValues(SignatureField);
        if (values is null)
        {
            return [];
        }

        var bytes = new BytesRef();
        values.Get(doc - leaf.DocBase, bytes);
        return RationaleSignature.FromBytes(bytes.Bytes.AsSpan(bytes.Offset, bytes.Length));
    }

    private static double Idf(int docFreq, int documents) => Math.Log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));

    private static int DateKey(DateOnly date) => date.Year * 10000 + date.Month * 100 + date.Day;

    private static int? DateKey(DateOnly? date) => date is { } d ? DateKey(d) : null;

    private sealed class Bm25SearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new BM25Similarity() };
    }
}
