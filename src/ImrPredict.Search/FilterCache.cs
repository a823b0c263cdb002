using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImrPredict.Search;

/// <summary>
/// Search filters kept as one bit set per segment, so a filtered query tests a bit per candidate instead of
/// walking the filter's posting list beside the query's (at 1M items a category filter matches up to 200k
/// documents). Bit sets are cached per segment core, so only new segments are computed after letters are added.
/// </summary>
internal sealed class FilterCache
{
    /// <summary>Distinct filters kept; the filter space is small (decision x categories x sources x date ranges).</summary>
    private const int MaxFilters = 256;

    private readonly ConcurrentDictionary<string, Filter> _filters = new(StringComparer.Ordinal);

    /// <summary>The cached filter for <paramref name="query"/>, made on first use.</summary>
    public Filter For(Query query)
    {
        var key = query.ToString();
        if (_filters.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (_filters.Count >= MaxFilters)
        {
            _filters.Clear();
        }

        return _filters.GetOrAdd(key, _ => new BitSetCachingFilter(new QueryWrapperFilter(query)));
    }

    /// <summary>
    /// Runs an all-optional query under a bit-set filter with Lucene's bulk (out-of-order) boolean scorer: the
    /// filter's bits replace the live-document bits, which they already include.
    /// </summary>
    public static Query Apply(Query query, Filter filter) => new FilteredQuery(query, filter, BitsAsAcceptDocs.Instance);

    private sealed class BitSetCachingFilter(Filter filter) : CachingWrapperFilter(filter)
    {
        protected override DocIdSet DocIdSetToCache(DocIdSet docIdSet, AtomicReader reader)
        {
            var iterator = docIdSet?.GetIterator();
            if (iterator is null)
            {
                return base.DocIdSetToCache(docIdSet, reader);
            }

            var bits = new FixedBitSet(reader.MaxDoc);
            bits.Or(iterator);
            return bits;
        }
    }

    private sealed class BitsAsAcceptDocs : FilteredQuery.RandomAccessFilterStrategy
    {
        public static readonly BitsAsAcceptDocs Instance = new();

        public override BulkScorer FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet)
        {
            var bits = docIdSet.Bits;
            return bits is null
                ? base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet)
                : weight.GetBulkScorer(context, scoreDocsInOrder, bits);
        }

        protected override bool UseRandomAccess(IBits bits, int firstFilterDoc) => true;
    }
}
