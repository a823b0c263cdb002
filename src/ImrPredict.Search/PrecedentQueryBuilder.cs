using System.Collections.Concurrent;
using ImrPredict.Core.Parsing;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ImrPredict.Search;

/// <summary>
/// Turns a case or a reviewer's text into a Lucene query, and filters into a filter query. Keeps the summary
/// document-frequency cache that by-case term selection reads.
/// </summary>
internal sealed class PrecedentQueryBuilder(Analyzer analyzer, SearchProfile profile, SearchTuning tuning)
{
    /// <summary>Bounds the cache: past this many distinct terms it starts again.</summary>
    private const int MaxCachedDocFreqs = 500_000;

    private readonly ConcurrentDictionary<string, int> _docFreqs = new(StringComparer.Ordinal);

    /// <summary>Forgets cached document frequencies (after letters are added).</summary>
    public void ClearCache() => _docFreqs.Clear();

    /// <summary>The query of a new case: its most distinctive summary terms, the requested item's terms and its category.</summary>
    public Query ForCase(IndexReader reader, string summary, string requestedItem, SearchFilters filters)
    {
        var query = new BooleanQuery();
        if (profile == SearchProfile.Plain)
        {
            foreach (var term in Analyze(PrecedentSchema.Summary, summary).Distinct())
            {
                query.Add(new TermQuery(new Term(PrecedentSchema.Summary, term)), Occur.SHOULD);
            }

            foreach (var term in Analyze(PrecedentSchema.RequestedItem, requestedItem).Distinct())
            {
                query.Add(new TermQuery(new Term(PrecedentSchema.RequestedItem, term)), Occur.SHOULD);
            }

            return query;
        }

        // More-like-this term selection: the case's most distinctive summary terms by tf-idf.
        var documents = Math.Max(1, reader.NumDocs);
        // One document-frequency lookup per distinct term (each is a seek in every segment): the main cost of a by-case query.
        var selected = Analyze(PrecedentSchema.Summary, summary)
            .Where(t => t.Length > 2)
            .GroupBy(t => t)
            .Select(g => (Term: g.Key, Count: g.Count(), DocFreq: SummaryDocFreq(reader, g.Key)))
            .Where(t => t.DocFreq > 0 && t.DocFreq <= Math.Max(tuning.CommonTermFloor, documents * tuning.MaxTermDocShare))
            .Select(t => (t.Term, Weight: t.Count * Idf(t.DocFreq, documents)))
            .OrderByDescending(t => t.Weight)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(tuning.MaxCaseTerms)
            .ToList();
        // One flat list of optional terms (boosts carry the weighting): Lucene scores it with its bulk boolean scorer,
        // where nested groups would each need an in-order scorer.
        var top = selected.Count == 0 ? 1 : selected[0].Weight;
        foreach (var (term, weight) in selected)
        {
            query.Add(new TermQuery(new Term(PrecedentSchema.Summary, term)) { Boost = (float)(weight / top) }, Occur.SHOULD);
        }

        foreach (var term in Analyze(PrecedentSchema.RequestedItem, requestedItem).Distinct())
        {
            query.Add(new TermQuery(new Term(PrecedentSchema.RequestedItem, term)) { Boost = tuning.ItemBoost }, Occur.SHOULD);
        }

        // Prefer the request's own category, unless a filter already keeps only that category: then the clause
        // adds nothing to the ranking and costs a pass over one of the longest posting lists.
        if (!string.IsNullOrWhiteSpace(requestedItem))
        {
            var category = ItemAttributeExtractor.Categorize(requestedItem);
            if (filters.Categories is not { Count: 1 } only || only[0] != category)
            {
                query.Add(new TermQuery(new Term(PrecedentSchema.Category, category.ToString())) { Boost = tuning.CategoryBoost }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>A reviewer's free text: each term in its best field (rationale, summary, item, guideline topics).</summary>
    public Query ForText(string text)
    {
        var query = new BooleanQuery();
        (string Field, float Boost)[] fields =
        [
            (PrecedentSchema.Rationale, tuning.TextRationaleBoost), (PrecedentSchema.Summary, tuning.TextSummaryBoost),
            (PrecedentSchema.RequestedItem, tuning.TextItemBoost), (PrecedentSchema.GuidelineTopics, tuning.TextTopicBoost),
        ];
        foreach (var term in Analyze(PrecedentSchema.Rationale, text).Distinct())
        {
            var perTerm = new DisjunctionMaxQuery(tuning.TextTieBreaker);
            foreach (var (field, boost) in fields)
            {
                perTerm.Add(new TermQuery(new Term(field, term)) { Boost = boost });
            }

            query.Add(perTerm, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>The filters as one query of required clauses, or null when nothing filters.</summary>
    public static Query? Filter(SearchFilters filters)
    {
        var filter = new BooleanQuery();
        if (filters.Decision is { } decision)
        {
            filter.Add(new TermQuery(new Term(PrecedentSchema.Decision, decision.ToString())), Occur.MUST);
        }

        AddAny(filter, PrecedentSchema.Category, filters.Categories?.Select(c => c.ToString()));
        foreach (var criterion in filters.Criteria ?? [])
        {
            filter.Add(new TermQuery(new Term(PrecedentSchema.Criterion, criterion)), Occur.MUST);
        }

        AddAny(filter, PrecedentSchema.GuidelineSource, filters.GuidelineSources?.Select(s => s.ToString()));
        if (filters.DecidedFrom is not null || filters.DecidedTo is not null)
        {
            filter.Add(NumericRangeQuery.NewInt32Range(PrecedentSchema.DecisionDate, PrecedentSchema.DateKey(filters.DecidedFrom),
                PrecedentSchema.DateKey(filters.DecidedTo), true, true), Occur.MUST);
        }

        return filter.Clauses.Count == 0 ? null : filter;
    }

    /// <summary>
    /// Leaves out one letter's items (the case's own, in evaluations) with a prohibited clause in the scored query,
    /// not in the filter: the filter is cached and shared, the excluded letter differs per query.
    /// </summary>
    public static Query WithoutLetter(Query query, string? letterId)
    {
        if (letterId is null)
        {
            return query;
        }

        var excluded = new TermQuery(new Term(PrecedentSchema.LetterId, letterId));
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

    /// <summary>
    /// Summary document frequencies, cached: the same terms recur in every case, and each uncached lookup seeks
    /// every segment. Cleared when letters are added; frequencies only weight term selection, so a value from a
    /// moment earlier is harmless.
    /// </summary>
    private int SummaryDocFreq(IndexReader reader, string term)
    {
        if (_docFreqs.Count > MaxCachedDocFreqs)
        {
            _docFreqs.Clear();
        }

        return _docFreqs.GetOrAdd(term, t => reader.DocFreq(new Term(PrecedentSchema.Summary, t)));
    }

    private List<string> Analyze(string field, string text)
    {
        var terms = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return terms;
        }

        using var stream = analyzer.GetTokenStream(field, new StringReader(text));
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    private static double Idf(int docFreq, int documents) => Math.Log(1 + (documents - docFreq + 0.5) / (docFreq + 0.5));
}
