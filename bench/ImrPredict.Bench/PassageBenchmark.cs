using ImrPredict.Core.Letters;
using ImrPredict.Search;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Highlight;

namespace ImrPredict.Bench;

/// <summary>
/// <c>passages [letters=20]</c>: the passages a reviewer reads under each precedent, from the hand-written sentence scorer
/// (<see cref="Passages"/>, what the service serves) and from Lucene.Net.Highlighter (QueryScorer with SimpleSpanFragmenter,
/// 200 characters, 3 fragments), side by side on the real letters: every item of the first N letters searched by case
/// against the other letters, top 5 hits, both given the same weighted query terms. Reports the share of the query's
/// weight that the rationale holds which the passages show, how often a passage is whole sentences, characters shown,
/// and time per hit; prints one hit from each.
/// </summary>
internal static class PassageBenchmark
{
    public static int Run(string[] args)
    {
        var shared = SharedDataLocation.Find();
        if (shared is null)
        {
            Console.WriteLine("passages benchmark skipped: ../shared is absent (it reads the real letters in place)");
            return 0;
        }

        var count = BenchArgs.At(args, 0, 20);
        var letters = Directory.GetFiles(Path.Combine(shared, "data", "letters", "pdf"), "*.pdf").Order(StringComparer.Ordinal)
            .Select(p => LetterReader.ReadFile(p)).Where(r => r.Success).Select(r => r.Value).ToList();
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(letters);

        var hand = new Figures();
        var lucene = new Figures();
        string? handExample = null, luceneExample = null;
        foreach (var letter in letters.Take(count))
        {
            foreach (var item in letter.Items)
            {
                var weights = index.CaseTermWeights(letter.ClinicalSummary, item.RequestedItem);
                var query = new BooleanQuery();
                foreach (var (term, weight) in weights)
                {
                    query.Add(new TermQuery(new Term("rationale", term)) { Boost = weight }, Occur.SHOULD);
                }

                var hits = index.SearchByCase(letter.ClinicalSummary, item.RequestedItem, new SearchFilters(ExcludeLetterId: letter.LetterId), pageSize: 5).Value.Hits;
                foreach (var hit in hits)
                {
                    var rationale = index.Get(hit.Id).Value.Rationale;
                    var start = Stopwatch.GetTimestamp();
                    var ours = Passages.Best(index.Analyzer, "rationale", rationale, weights).Select(p => p.Text).ToList();
                    hand.Add(Stopwatch.GetElapsedTime(start), ours, rationale, weights, index);
                    handExample ??= ours.Count > 1 ? string.Join(" | ", Passages.Best(index.Analyzer, "rationale", rationale, weights).Select(p => p.Marked)) : null;

                    start = Stopwatch.GetTimestamp();
                    var scorer = new QueryScorer(query, "rationale");
                    var highlighter = new Highlighter(new SimpleHTMLFormatter("**", "**"), scorer) { TextFragmenter = new SimpleSpanFragmenter(scorer, 200) };
                    using var stream = index.Analyzer.GetTokenStream("rationale", new StringReader(rationale));
                    var fragments = highlighter.GetBestFragments(stream, rationale, 3);
                    lucene.Add(Stopwatch.GetElapsedTime(start), fragments.Select(f => f.Replace("**", string.Empty, StringComparison.Ordinal)).ToList(), rationale, weights, index);
                    luceneExample ??= fragments.Length > 1 && handExample is not null ? string.Join(" | ", fragments) : null;
                }
            }
        }

        Console.WriteLine($"passages for {hand.Hits:N0} hits ({count} real letters' items searched by case against {letters.Count} letters, top 5)");
        Console.WriteLine("scorer                     query weight shown   whole sentences   chars per hit   median us per hit");
        hand.Print("hand-written sentences");
        lucene.Print("Lucene.Net.Highlighter");
        Console.WriteLine();
        Console.WriteLine("hand-written: " + handExample);
        Console.WriteLine();
        Console.WriteLine("Highlighter:  " + luceneExample);
        return 0;
    }

    private sealed class Figures
    {
        private readonly List<double> _coverage = [];
        private readonly List<double> _micros = [];
        private int _passages, _whole, _chars;

        public int Hits => _micros.Count;

        public void Add(TimeSpan elapsed, IReadOnlyList<string> passages, string rationale, IReadOnlyDictionary<string, float> weights, PrecedentIndex index)
        {
            _micros.Add(elapsed.TotalMicroseconds);
            var inRationale = Terms(index, rationale, weights);
            var shown = passages.SelectMany(p => Terms(index, p, weights)).ToHashSet(StringComparer.Ordinal);
            var possible = inRationale.Sum(t => weights[t]);
            _coverage.Add(possible == 0 ? 1 : shown.Where(inRationale.Contains).Sum(t => weights[t]) / possible);
            _passages += passages.Count;
            _chars += passages.Sum(p => p.Length);
            _whole += passages.Count(p => WholeSentences(rationale, p));
        }

        public void Print(string name) => Console.WriteLine(
            $"{name,-26} {_coverage.Average(),18:P1} {(double)_whole / Math.Max(1, _passages),17:P1} {(double)_chars / Math.Max(1, Hits),15:N0} {BenchSupport.Median(_micros),19:N0}");

        private static HashSet<string> Terms(PrecedentIndex index, string text, IReadOnlyDictionary<string, float> weights)
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            using var stream = index.Analyzer.GetTokenStream("rationale", new StringReader(text));
            var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                if (weights.ContainsKey(term.ToString()))
                {
                    terms.Add(term.ToString());
                }
            }

            stream.End();
            return terms;
        }

        /// <summary>Starts where a sentence starts and ends where one ends.</summary>
        private static bool WholeSentences(string rationale, string passage)
        {
            var at = rationale.IndexOf(passage.Trim(), StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            var before = rationale[..at].TrimEnd();
            var startsSentence = before.Length == 0 || before[^1] is '.' or '?' or '!' or ':';
            var trimmed = passage.TrimEnd();
            return startsSentence && trimmed.Length > 0 && trimmed[^1] is '.' or '?' or '!';
        }
    }
}
