using ImrPredict.Core.Results;
using Lucene.Net.Index;
using ImrPredict.Search.Semantic;
using Lucene.Net.Search;

namespace ImrPredict.Search;

/// <summary>The index's searches: by case, by text, one precedent by id.</summary>
public sealed partial class PrecedentIndex
{
    /// <summary>The precedents most like a new case: summary and requested item, with filters and paging.</summary>
    public Result<PrecedentPage, SearchErrorCode> SearchByCase(string clinicalSummary, string requestedItem, SearchFilters filters, int pageSize = 10, int page = 0,
        SemanticCandidates? semantic = null)
    {
        if (Validate(filters, pageSize, page) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(clinicalSummary) && string.IsNullOrWhiteSpace(requestedItem))
        {
            return Invalid("clinicalSummary", "give a clinical summary or a requested item to search by");
        }

        if (clinicalSummary.Length + requestedItem.Length > Tuning.MaxQueryChars)
        {
            return Invalid("clinicalSummary", $"the case text is {clinicalSummary.Length + requestedItem.Length:N0} characters; at most {Tuning.MaxQueryChars:N0}");
        }

        // Neighbours of the request's own category are preferred, as the words' query prefers them (a lexical search has none).
        var category = semantic is null || string.IsNullOrWhiteSpace(requestedItem) ? (Core.Letters.ItemCategory?)null : Core.Parsing.ItemAttributeExtractor.Categorize(requestedItem);
        return Search(searcher => _queries.ForCase(searcher.IndexReader, clinicalSummary, requestedItem, filters), filters, pageSize, page, semantic: semantic, preferCategory: category);
    }

    /// <summary>A reviewer's free-text search over rationales, summaries, items and guideline topics.</summary>
    public Result<PrecedentPage, SearchErrorCode> SearchByText(string text, SearchFilters filters, int pageSize = 10, int page = 0, SemanticCandidates? semantic = null)
    {
        if (Validate(filters, pageSize, page) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return Invalid("query", "the query is empty");
        }

        if (text.Length > Tuning.MaxQueryChars)
        {
            return Invalid("query", $"the query is {text.Length:N0} characters; at most {Tuning.MaxQueryChars:N0}");
        }

        var (identifiers, rest) = CaseIdentifiers.Find(text);
        if (identifiers.Count == 0)
        {
            return Search(_ => _queries.ForText(text), filters, pageSize, page, semantic: semantic);
        }

        // A case number is found by its number, whatever the mode: the words around it are searched as the mode says.
        return SearchByIdentifiers(identifiers, rest, filters, pageSize, page, semantic);
    }

    /// <summary>
    /// A query naming letters: their items first, marked exact (page 0 only), then the other words' hits without them. A
    /// number no letter has is said so, and never answered with hits that merely share its digits.
    /// </summary>
    private Result<PrecedentPage, SearchErrorCode> SearchByIdentifiers(IReadOnlyList<(string Typed, string Key)> identifiers, string rest, SearchFilters filters, int pageSize, int page,
        SemanticCandidates? semantic)
    {
        var searcher = _searchers.Acquire();
        List<PrecedentHit> exact;
        List<string> unknown;
        try
        {
            exact = [];
            unknown = [];
            foreach (var (typed, key) in identifiers)
            {
                var found = searcher.Search(new TermQuery(new Term(PrecedentSchema.CaseKey, key)), Tuning.MaxLetterItems * 4);
                if (found.TotalHits == 0)
                {
                    unknown.Add(typed);
                    continue;
                }

                exact.AddRange(found.ScoreDocs
                    .Select(d => searcher.Doc(d.Doc, PrecedentSchema.HitFields))
                    .Select(document => PrecedentSchema.ToHit(document, 1, [], 0) with { Exact = true })
                    .Where(hit => exact.All(h => h.Id != hit.Id))
                    .OrderBy(hit => hit.LetterId, StringComparer.Ordinal).ThenBy(hit => hit.ItemIndex));
            }
        }
        finally
        {
            _searchers.Release(searcher);
        }

        var notice = unknown.Count == 0 ? null : $"no letter has the case number {string.Join(", ", unknown)}";
        PrecedentPage text;
        if (rest.Length == 0)
        {
            text = new PrecedentPage([], 0, page);
        }
        else
        {
            var letters = exact.Select(h => h.LetterId).Distinct().ToList();
            var searched = Search(_ => _queries.ForText(rest), filters, pageSize, page, letters, semantic);
            if (!searched.TryGetValue(out var found))
            {
                return searched;
            }

            text = found;
        }

        var hits = page == 0 ? exact.Concat(text.Hits).ToList() : text.Hits;
        return new PrecedentPage(hits, text.TotalMatches + exact.Count, page) { Notice = notice, Facets = text.Facets, Mode = text.Mode };
    }

    /// <summary>
    /// One stored precedent by id (<c>letterId#index</c>); with <paramref name="query"/> (free text, as for
    /// <see cref="SearchByText"/>), where its words occur in the summary and the rationale.
    /// </summary>
    public Result<Precedent, SearchErrorCode> Get(string id, string? query = null)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return Invalid("id", "the precedent id is empty");
        }

        if (query is { Length: > 0 } && query.Length > Tuning.MaxQueryChars)
        {
            return Invalid("query", $"the query is {query.Length:N0} characters; at most {Tuning.MaxQueryChars:N0}");
        }

        var searcher = _searchers.Acquire();
        try
        {
            var top = searcher.Search(new TermQuery(new Term(PrecedentSchema.Id, id)), 1);
            if (top.TotalHits == 0)
            {
                return new Error<SearchErrorCode>(SearchErrorCode.NotFound, $"no precedent '{id}'", "id");
            }

            var precedent = PrecedentSchema.ToPrecedent(searcher.Doc(top.ScoreDocs[0].Doc), top.ScoreDocs[0].Score);
            var siblings = searcher.Search(new TermQuery(new Term(PrecedentSchema.LetterId, precedent.Hit.LetterId)), Tuning.MaxLetterItems);
            precedent = precedent with
            {
                LetterItems = siblings.ScoreDocs.Select(d => PrecedentSchema.ToLetterItem(searcher.Doc(d.Doc, PrecedentSchema.LetterItemFields)))
                    .OrderBy(i => i.ItemIndex).ToList(),
            };
            if (string.IsNullOrWhiteSpace(query))
            {
                return precedent;
            }

            var weights = Passages.TermWeights(_queries.ForText(query), PrecedentSchema.ProseFields);
            return precedent with
            {
                SummaryMatches = Passages.Matches(_analyzer, PrecedentSchema.Summary, precedent.ClinicalSummary, weights),
                RationaleMatches = Passages.Matches(_analyzer, PrecedentSchema.Rationale, precedent.Rationale, weights),
            };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The weighted prose terms of the by-case query for a summary and item, as passages are scored with.</summary>
    internal Dictionary<string, float> CaseTermWeights(string clinicalSummary, string requestedItem)
    {
        var searcher = _searchers.Acquire();
        try
        {
            return Passages.TermWeights(_queries.ForCase(searcher.IndexReader, clinicalSummary, requestedItem, SearchFilters.None), PrecedentSchema.ProseFields);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>The analyzer the index reads prose with.</summary>
    internal Lucene.Net.Analysis.Analyzer Analyzer => _analyzer;

    private Result<PrecedentPage, SearchErrorCode> Search(Func<IndexSearcher, Query> makeQuery, SearchFilters filters, int pageSize, int page,
        IReadOnlyList<string>? withoutLetters = null, SemanticCandidates? semantic = null, Core.Letters.ItemCategory? preferCategory = null)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var query = makeQuery(searcher);
            var filter = PrecedentQueryBuilder.Filter(filters) is { } filterQuery ? _filterCache.For(filterQuery) : null;
            Query Restrict(Query scored)
            {
                scored = PrecedentQueryBuilder.WithoutLetter(scored, filters.ExcludeLetterId);
                foreach (var letter in withoutLetters ?? [])
                {
                    scored = PrecedentQueryBuilder.WithoutLetter(scored, letter);
                }

                return filter is null ? scored : FilterCache.Apply(scored, filter);
            }

            var finalQuery = Restrict(query);
            var wanted = (page + 1) * pageSize;
            var candidates = Math.Min(wanted * Tuning.CandidatesPerHit + pageSize, Tuning.MaxCandidates);
            var mode = semantic?.Mode ?? SearchMode.Lexical;
            TopDocs? lexical = mode == SearchMode.Semantic ? null : searcher.Search(finalQuery, candidates);
            var (nearest, nearestQuery) = mode == SearchMode.Lexical ? ([], null) : Nearest(searcher, semantic!, candidates, filter is not null || filters.ExcludeLetterId is not null, Restrict, preferCategory);
            var (ranked, total) = mode switch
            {
                SearchMode.Lexical => (lexical!.ScoreDocs, lexical.TotalHits),
                SearchMode.Semantic => (nearest, nearest.Length),
                _ => Fused(lexical!, nearest),
            };
            var weights = Passages.TermWeights(query, PrecedentSchema.ProseFields);
            var kept = DuplicateCollapse.Apply(searcher, ranked, Tuning.CollapseSimilarity, wanted + pageSize, collapse: _profile == SearchProfile.Tuned);
            var hits = kept.Skip(page * pageSize).Take(pageSize)
                .Select(k =>
                {
                    var document = searcher.Doc(k.Doc, PrecedentSchema.HitFields);
                    var passages = Passages.Best(_analyzer, PrecedentSchema.Rationale, document.Get(PrecedentSchema.Rationale) ?? string.Empty, weights, Tuning.PassagesPerHit);
                    return PrecedentSchema.ToHit(document, k.Score, passages, k.Collapsed);
                })
                .ToList();
            var result = new PrecedentPage(hits, total, page) { Mode = mode };
            if (!filters.CountFacets)
            {
                return result;
            }

            // Facets count what matched: the words' matches, or for a semantic search its nearest neighbours.
            var facets = new FacetCounter();
            searcher.Search(mode == SearchMode.Semantic && nearestQuery is not null ? nearestQuery : finalQuery, facets);
            return result with { Facets = facets.Facets() };
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The nearest neighbours that pass the filters, as documents of this searcher scored by cosine, best first, with the
    /// query that selects them. A filter can leave few of the nearest, so more are fetched when one is set.
    /// </summary>
    private (ScoreDoc[] Docs, Query? Query) Nearest(IndexSearcher searcher, SemanticCandidates semantic, int candidates, bool filtered, Func<Query, Query> restrict,
        Core.Letters.ItemCategory? preferCategory)
    {
        var neighbours = semantic.Nearest(filtered ? candidates * Tuning.FilteredNeighbourFactor : candidates);
        if (neighbours.Count == 0)
        {
            return ([], null);
        }

        var scores = new Dictionary<string, float>(neighbours.Count, StringComparer.Ordinal);
        foreach (var hit in neighbours)
        {
            scores.TryAdd(hit.Id, hit.Score);
        }

        var ids = new Lucene.Net.Queries.TermsFilter(scores.Keys.Select(id => new Term(PrecedentSchema.Id, id)).ToList());
        var query = restrict(new ConstantScoreQuery(ids));
        var found = searcher.Search(query, scores.Count);
        var preferred = preferCategory?.ToString();
        var docs = found.ScoreDocs
            .Select(d =>
            {
                var (id, category) = PrecedentSchema.IdAndCategoryOf(searcher.IndexReader, d.Doc);
                var score = scores.GetValueOrDefault(id ?? string.Empty, float.NegativeInfinity);
                return new ScoreDoc(d.Doc, preferred is not null && category == preferred ? score + Tuning.SemanticCategoryBonus : score);
            })
            .Where(d => !float.IsNegativeInfinity(d.Score))
            .OrderByDescending(d => d.Score)
            .Take(candidates)
            .ToArray();
        return (docs, query);
    }

    /// <summary>The words' and the neighbours' candidates fused by reciprocal rank; the total counts each document once.</summary>
    private static (ScoreDoc[] Docs, int Total) Fused(TopDocs lexical, ScoreDoc[] nearest)
    {
        var fused = RankFusion.Fuse([lexical.ScoreDocs.Select(d => d.Doc).ToList(), nearest.Select(d => d.Doc).ToList()]);
        var lexicalDocs = lexical.ScoreDocs.Select(d => d.Doc).ToHashSet();
        var onlyNear = nearest.Count(d => !lexicalDocs.Contains(d.Doc));
        return (fused.Select(f => new ScoreDoc(f.Key, f.Score)).ToArray(), lexical.TotalHits + onlyNear);
    }

    private Error<SearchErrorCode>? Validate(SearchFilters filters, int pageSize, int page)
    {
        if (pageSize < 1 || pageSize > Tuning.MaxPageSize)
        {
            return new Error<SearchErrorCode>(SearchErrorCode.InvalidArgument, $"page size {pageSize} is outside 1..{Tuning.MaxPageSize}", "pageSize");
        }

        if (page < 0 || page > Tuning.MaxPage)
        {
            return new Error<SearchErrorCode>(SearchErrorCode.InvalidArgument, $"page {page} is outside 0..{Tuning.MaxPage}", "page");
        }

        if (filters.Criteria?.FirstOrDefault(c => CriteriaFacets.Parse(c) is null) is { } unknown)
        {
            return new Error<SearchErrorCode>(SearchErrorCode.InvalidArgument,
                $"'{unknown}' is not a criterion status: give a criterion id and documented or absent, as opioid.functional-improvement=documented", "criteria");
        }

        if (filters.DecidedFrom is { } from && filters.DecidedTo is { } to && from > to)
        {
            return new Error<SearchErrorCode>(SearchErrorCode.InvalidArgument, $"the date range is out of order: {from:yyyy-MM-dd} is after {to:yyyy-MM-dd}", "decidedFrom");
        }

        return null;
    }

    private static Error<SearchErrorCode> Invalid(string field, string message) => new(SearchErrorCode.InvalidArgument, message, field);
}
