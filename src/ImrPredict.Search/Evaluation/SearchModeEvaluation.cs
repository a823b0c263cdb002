using System.Diagnostics;
using ImrPredict.Core.Letters;
using ImrPredict.Core.Statistics;
using ImrPredict.Search.Semantic;

namespace ImrPredict.Search.Evaluation;

/// <summary>
/// The three search modes side by side on real letters. Search by case is leave-one-letter-out: each item searches by its
/// summary and requested item (never its rationale) with its own letter filtered out. The paraphrase set searches by text.
/// Intervals resample letters (1,000 draws), since a letter's items are not independent.
/// </summary>
public static class SearchModeEvaluation
{
    /// <summary>Evaluates every mode over <paramref name="letters"/>, embedding their items once with <paramref name="embedder"/>.</summary>
    public static IReadOnlyList<ModeFigures> Run(IReadOnlyList<ImrLetter> letters, SentenceEmbedder embedder, IReadOnlyList<Paraphrase> paraphrases, int seed = 20261207)
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(letters);
        using var vectors = new ExactVectorIndex();
        var items = letters.SelectMany(l => l.Items.Select(i => (Letter: l, Item: i))).ToList();
        foreach (var chunk in items.Chunk(32))
        {
            var embedded = embedder.Embed(chunk.Select(c => EmbeddingText.ForPrecedent(c.Item)).ToList());
            for (var k = 0; k < chunk.Length; k++)
            {
                vectors.Upsert(PrecedentIds.Of(chunk[k].Letter.LetterId, chunk[k].Item.Index), embedded[k]);
            }
        }

        var criteria = letters.ToDictionary(l => l.LetterId, CriteriaFacets.Of);
        var results = new List<ModeFigures>();
        foreach (var mode in Enum.GetValues<SearchMode>())
        {
            var perItem = new List<(string Letter, double Category, double? Criterion, double Share, bool Overturned)>();
            var times = new List<double>();
            foreach (var (letter, item) in items)
            {
                var watch = Stopwatch.StartNew();
                var semantic = Candidates(mode, embedder, vectors, EmbeddingText.ForCase(letter.ClinicalSummary, item.RequestedItem));
                var hits = index.SearchByCase(letter.ClinicalSummary, item.RequestedItem, new SearchFilters(ExcludeLetterId: letter.LetterId), pageSize: 10, semantic: semantic).Value.Hits;
                times.Add(watch.Elapsed.TotalMilliseconds);
                var top5 = hits.Take(5).ToList();
                var own = criteria[letter.LetterId][item.Index].ToHashSet(StringComparer.Ordinal);
                double? sameCriterion = own.Count == 0 || top5.Count == 0
                    ? null
                    : top5.Count(h => criteria.TryGetValue(h.LetterId, out var c) && h.ItemIndex < c.Count && c[h.ItemIndex].Any(own.Contains)) / (double)top5.Count;
                perItem.Add((letter.LetterId,
                    top5.Count == 0 ? 0 : top5.Count(h => h.Category == item.Attributes.Category) / (double)top5.Count,
                    sameCriterion,
                    hits.Count == 0 ? 0 : hits.Count(h => h.Decision == Decision.Overturned) / (double)hits.Count,
                    item.Decision == Decision.Overturned));
            }

            var found = paraphrases.Select(p =>
            {
                var semantic = Candidates(mode, embedder, vectors, EmbeddingText.ForQuery(p.Query));
                var hits = index.SearchByText(p.Query, SearchFilters.None, pageSize: 5, semantic: semantic).Value.Hits;
                return (Case: p.Case, Found: hits.Any(p.IsFoundBy) ? 1.0 : 0.0);
            }).ToList();

            var random = new Random(seed);
            Estimate Bootstrap<T>(IReadOnlyList<T> rows, Func<T, string> group, Func<IReadOnlyList<T>, double> figure)
            {
                var byGroup = rows.GroupBy(group).Select(g => g.ToList()).ToList();
                var draws = new List<double>(1000);
                for (var d = 0; d < 1000; d++)
                {
                    var sample = new List<T>(rows.Count);
                    for (var g = 0; g < byGroup.Count; g++)
                    {
                        sample.AddRange(byGroup[random.Next(byGroup.Count)]);
                    }

                    var value = figure(sample);
                    if (!double.IsNaN(value))
                    {
                        draws.Add(value);
                    }
                }

                draws.Sort();
                return draws.Count == 0
                    ? new Estimate(figure(rows), double.NaN, double.NaN)
                    : new Estimate(figure(rows), draws[(int)(0.025 * (draws.Count - 1))], draws[(int)(0.975 * (draws.Count - 1))]);
            }

            times.Sort();
            results.Add(new ModeFigures(
                SearchModes.Name(mode),
                Bootstrap(perItem, p => p.Letter, s => s.Average(p => p.Category)),
                Bootstrap(perItem.Where(p => p.Criterion.HasValue).ToList(), p => p.Letter, s => s.Average(p => p.Criterion!.Value)),
                Bootstrap(perItem, p => p.Letter, s => s.Any(p => p.Overturned) && s.Any(p => !p.Overturned)
                    ? RankStatistics.RocAuc(s.Select(p => p.Share).ToList(), s.Select(p => p.Overturned).ToList())
                    : double.NaN),
                found.Count == 0 ? new Estimate(double.NaN, double.NaN, double.NaN) : Bootstrap(found, f => f.Case, s => s.Average(f => f.Found)),
                times[times.Count / 2]));
        }

        return results;
    }

    private static SemanticCandidates? Candidates(SearchMode mode, SentenceEmbedder embedder, IVectorIndex vectors, string text)
    {
        if (mode == SearchMode.Lexical)
        {
            return null;
        }

        var query = embedder.Embed(text);
        return new SemanticCandidates(mode, k => vectors.Nearest(query, k));
    }
}
