using ImrPredict.Core.Criteria;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ImrPredict.Search;

/// <summary>
/// Counts, over every document a query matches, each criterion status by decision, from doc values: per segment by
/// ordinal into arrays (no string per document), turned into values once per segment.
/// </summary>
internal sealed class FacetCounter : ICollector
{
    private readonly Dictionary<(string Value, bool Overturned), int> _counts = [];
    private SortedSetDocValues? _criteria;
    private SortedDocValues? _decisions;
    private int _overturnedOrd = -1;
    private int[] _upheld = [];
    private int[] _overturned = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _criteria = context.AtomicReader.GetSortedSetDocValues(PrecedentSchema.CriterionFacet);
        _decisions = context.AtomicReader.GetSortedDocValues(PrecedentSchema.DecisionFacet);
        _overturnedOrd = _decisions?.LookupTerm(new BytesRef(nameof(Core.Letters.Decision.Overturned))) ?? -1;
        var values = (int)(_criteria?.ValueCount ?? 0);
        _upheld = new int[values];
        _overturned = new int[values];
    }

    public void Collect(int doc)
    {
        if (_criteria is null || _decisions is null)
        {
            return;
        }

        var counts = _overturnedOrd >= 0 && _decisions.GetOrd(doc) == _overturnedOrd ? _overturned : _upheld;
        _criteria.SetDocument(doc);
        long ord;
        while ((ord = _criteria.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS)
        {
            counts[ord]++;
        }
    }

    /// <summary>The counts, most precedents first.</summary>
    public IReadOnlyList<CriterionFacet> Facets()
    {
        Flush();
        var facets = new List<CriterionFacet>();
        foreach (var value in _counts.Keys.Select(k => k.Value).Distinct())
        {
            var (id, status) = (value[..value.IndexOf('=')], value[(value.IndexOf('=') + 1)..]);
            facets.Add(new CriterionFacet(id, CriteriaCatalogue.Default.Find(id)?.Text ?? id, status,
                _counts.GetValueOrDefault((value, false)), _counts.GetValueOrDefault((value, true))));
        }

        return facets.OrderByDescending(f => f.Total).ThenBy(f => f.CriterionId, StringComparer.Ordinal).ThenBy(f => f.Status, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds the segment's counts to the totals by value.</summary>
    private void Flush()
    {
        if (_criteria is null)
        {
            return;
        }

        var term = new BytesRef();
        for (var ord = 0; ord < _upheld.Length; ord++)
        {
            if (_upheld[ord] + _overturned[ord] == 0)
            {
                continue;
            }

            _criteria.LookupOrd(ord, term);
            var value = term.Utf8ToString();
            _counts[(value, false)] = _counts.GetValueOrDefault((value, false)) + _upheld[ord];
            _counts[(value, true)] = _counts.GetValueOrDefault((value, true)) + _overturned[ord];
        }

        _criteria = null;
    }
}
