using ImrPredict.Core.Letters;
using ImrPredict.Search;

namespace ImrPredict.Bench;

/// <summary>
/// <c>search [items=1000000] [queries=2000] [semantic=true]</c>: index build rate on generated items, then by-case search latency
/// (k = 10, with a category filter) and free-text latency; index size and process memory. Then free text by meaning and
/// hybrid, the query embedded for real: each item's vector is one of 512 embedded generated items with noise (embedding a
/// million items takes hours on two cores), in the exact index up to 200,000 items and the HNSW graph above, as the service does.
/// </summary>
internal static class SearchBenchmark
{
    public static int Run(string[] args)
    {
        var items = BenchArgs.At(args, 0, 1_000_000);
        var queries = BenchArgs.At(args, 1, 2_000);
        var folder = Directory.CreateTempSubdirectory("imr-bench-search-");
        try
        {
            var generator = new LetterGenerator(seed: 8);
            using var index = PrecedentIndex.Open(folder.FullName).Value;
            var stopwatch = Stopwatch.StartNew();
            var indexed = 0;
            var letterIndex = 0L;
            var ids = new List<string>(items + 64);
            var baseTexts = new List<string>();
            var parseSeconds = 0.0;
            while (indexed < items)
            {
                var parseStart = Stopwatch.GetTimestamp();
                var batch = new ImrLetter[4096];
                Parallel.For(0, batch.Length, i => batch[i] = LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(letterIndex + i))).Value);
                letterIndex += batch.Length;
                parseSeconds += Stopwatch.GetElapsedTime(parseStart).TotalSeconds;
                indexed += index.AddLetters(batch);
                foreach (var letter in batch)
                {
                    foreach (var item in letter.Items)
                    {
                        ids.Add(PrecedentIds.Of(letter.LetterId, item.Index));
                        if (baseTexts.Count < 512)
                        {
                            baseTexts.Add(Search.Semantic.EmbeddingText.ForPrecedent(item));
                        }
                    }
                }
            }

            var buildSeconds = stopwatch.Elapsed.TotalSeconds - parseSeconds;
            var size = Directory.GetFiles(folder.FullName).Sum(f => new FileInfo(f).Length);
            Console.WriteLine($"search benchmark: {indexed:N0} items ({letterIndex:N0} letters), {Environment.ProcessorCount} cores");
            Console.WriteLine($"  build: {indexed / buildSeconds:N0} items/s indexing and committing (letter generation and parsing excluded, {parseSeconds:N0} s); index {size / 1048576.0:N0} MB; process working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:N0} MB   target >= 3,000 items/s");

            var probes = Enumerable.Range(0, queries).Select(i => generator.Generate(10_000_000 + i)).ToList();
            var byCase = new List<double>(queries);
            var byText = new List<double>(queries);
            foreach (var probe in probes.Take(50))
            {
                index.SearchByCase(probe.ClinicalSummary, probe.Items[0].RequestedItem, SearchFilters.None);
            }

            foreach (var probe in probes)
            {
                var item = probe.Items[0];
                var start = Stopwatch.GetTimestamp();
                var found = index.SearchByCase(probe.ClinicalSummary, item.RequestedItem, new SearchFilters(Categories: [item.Category]), pageSize: 10);
                byCase.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!found.Success)
                {
                    throw new InvalidOperationException(found.Error.ToString());
                }

                start = Stopwatch.GetTimestamp();
                index.SearchByText(item.RequestedItem + " guideline", SearchFilters.None, pageSize: 10);
                byText.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }

            Console.WriteLine($"  by case, k = 10, category filter: median {BenchSupport.Median(byCase):F2} ms, p99 {BenchSupport.Percentile(byCase, 0.99):F2} ms   targets median <= 5 ms, p99 <= 25 ms");
            Console.WriteLine($"  by text, k = 10: median {BenchSupport.Median(byText):F2} ms, p99 {BenchSupport.Percentile(byText, 0.99):F2} ms   targets median <= 10 ms, p99 <= 40 ms");
            if (args.Length > 2 && !bool.Parse(args[2]))
            {
                return 0;
            }

            MeaningAndHybrid(index, ids, baseTexts, probes);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void MeaningAndHybrid(PrecedentIndex index, List<string> ids, List<string> baseTexts, List<SyntheticLetter> probes)
    {
        using var embedder = Search.Semantic.SentenceEmbedder.Load(threads: 1).Value;
        var bases = baseTexts.Chunk(16).SelectMany(chunk => embedder.Embed(chunk)).ToList();
        var random = new Random(3);
        var build = Stopwatch.StartNew();
        using Search.Semantic.IVectorIndex vectors = ids.Count > 200_000 ? new Search.Semantic.HnswVectorIndex() : new Search.Semantic.ExactVectorIndex(capacity: ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            var vector = bases[i % bases.Count].Select(v => v + (0.08f * (float)(random.NextDouble() - 0.5))).ToArray();
            System.Numerics.Tensors.TensorPrimitives.Divide(vector, System.Numerics.Tensors.TensorPrimitives.Norm(vector), vector);
            vectors.Upsert(ids[i], vector);
        }

        Console.WriteLine($"  vectors: {ids.Count:N0} in the {(vectors.Approximate ? "HNSW graph" : "exact index")}, built in {build.Elapsed.TotalSeconds:N0} s; process working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:N0} MB");
        foreach (var mode in new[] { Search.Semantic.SearchMode.Semantic, Search.Semantic.SearchMode.Hybrid })
        {
            var times = new List<double>(probes.Count);
            foreach (var probe in probes)
            {
                var text = probe.Items[0].RequestedItem + " guideline";
                var start = Stopwatch.GetTimestamp();
                var query = embedder.Embed(Search.Semantic.EmbeddingText.ForQuery(text));
                var found = index.SearchByText(text, SearchFilters.None, pageSize: 10, semantic: new Search.Semantic.SemanticCandidates(mode, k => vectors.Nearest(query, k)));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (!found.Success || found.Value.Hits.Count == 0)
                {
                    throw new InvalidOperationException($"{mode}: {(found.Success ? "no hit" : found.Error.ToString())}");
                }
            }

            Console.WriteLine($"  by text, {Search.Semantic.SearchModes.Name(mode)}, k = 10, query embedded: median {BenchSupport.Median(times):F2} ms, p99 {BenchSupport.Percentile(times, 0.99):F2} ms   target median <= {(mode == Search.Semantic.SearchMode.Semantic ? 15 : 25)} ms");
        }
    }
}
