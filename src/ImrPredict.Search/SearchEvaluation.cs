using ImrPredict.Core.Letters;
using ImrPredict.Core.Statistics;

namespace ImrPredict.Search;

/// <summary>
/// Leave-one-letter-out evaluation: each item searches by its own case (summary and item, never its rationale)
/// in an index of every letter, its own letter filtered out; the tuned profile next to plain BM25.
/// </summary>
public static class SearchEvaluation
{
    /// <summary>Evaluates one profile over the letters.</summary>
    public static SearchFigures Run(IReadOnlyList<ImrLetter> letters, SearchProfile profile)
    {
        using var index = PrecedentIndex.InMemory(profile);
        index.AddLetters(letters);
        var sameCategory = new List<double>();
        var shares = new List<double>();
        var labels = new List<bool>();
        var hitCounts = new List<int>();
        foreach (var letter in letters)
        {
            foreach (var item in letter.Items)
            {
                var page = index.SearchByCase(letter.ClinicalSummary, item.RequestedItem, new SearchFilters(ExcludeLetterId: letter.LetterId), pageSize: 10).Value;
                var hits = page.Hits;
                hitCounts.Add(hits.Count);
                var top5 = hits.Take(5).ToList();
                sameCategory.Add(top5.Count == 0 ? 0 : top5.Count(h => h.Category == item.Attributes.Category) / (double)top5.Count);
                shares.Add(hits.Count == 0 ? 0 : hits.Count(h => h.Decision == Decision.Overturned) / (double)hits.Count);
                labels.Add(item.Decision == Decision.Overturned);
            }
        }

        return new SearchFigures(sameCategory.Count, sameCategory.Average(), RankStatistics.RocAuc(shares, labels), hitCounts.Average());
    }
}
