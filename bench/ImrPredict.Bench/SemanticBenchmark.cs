using System.Numerics.Tensors;
using ImrPredict.Search.Semantic;

namespace ImrPredict.Bench;

/// <summary>
/// Search by meaning: embedding throughput (items/s, on this machine's cores), the query's embedding time, and nearest-neighbour
/// search k = 10 over <c>items</c> vectors, exact (TensorPrimitives) against the HNSW graph (USearch) side by side, with the
/// graph's recall@10 against exact and the memory per million vectors. The vectors are embeddings of generated items, each
/// reused with noise to reach the count (clustered like real ones; embedding a million would take hours here).
/// Usage: <c>semantic [items=1000000] [queries=200]</c>.
/// </summary>
internal static class SemanticBenchmark
{
    public static int Run(string[] args)
    {
        var items = BenchArgs.At(args, 0, 1_000_000);
        var queries = BenchArgs.At(args, 1, 200);
        var generator = new LetterGenerator(seed: 99);
        var texts = Enumerable.Range(0, 400).Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value)
            .SelectMany(l => l.Items.Select(EmbeddingText.ForPrecedent)).Take(1024).ToList();

        var bases = new List<float[]>();
        foreach (var threads in new[] { 1, Environment.ProcessorCount })
        {
            using var embedder = SentenceEmbedder.Load(threads).Value;
            embedder.Embed(texts.Take(16).ToList());
            var watch = Stopwatch.StartNew();
            var embedded = texts.Chunk(16).SelectMany(chunk => embedder.Embed(chunk)).ToList();
            Console.WriteLine($"embedding: {texts.Count / watch.Elapsed.TotalSeconds:N0} items/s with {threads} thread(s), batches of 16, up to {embedder.MaxTokens} word pieces (generated items)");
            bases = embedded;
            if (threads == 1)
            {
                var times = Enumerable.Range(0, 100).Select(i =>
                {
                    var t = Stopwatch.StartNew();
                    embedder.Embed($"low back MRI after failed physical therapy {i}");
                    return t.Elapsed.TotalMilliseconds;
                }).ToList();
                Console.WriteLine($"query embedding (1 thread): median {BenchSupport.Median(times):F2} ms, p99 {BenchSupport.Percentile(times, 0.99):F2} ms");
            }
        }

        var random = new Random(7);
        float[] Near(float[] origin, float noise)
        {
            var vector = origin.Select(v => v + (noise * (float)(random.NextDouble() - 0.5))).ToArray();
            TensorPrimitives.Divide(vector, TensorPrimitives.Norm(vector), vector);
            return vector;
        }

        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        using var exact = new ExactVectorIndex(capacity: items);
        var build = Stopwatch.StartNew();
        for (var i = 0; i < items; i++)
        {
            exact.Upsert($"CM00-{i:D7}#0", Near(bases[i % bases.Count], 0.08f));
        }

        var exactBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
        Console.WriteLine($"exact index: {items:N0} vectors in {build.Elapsed.TotalSeconds:F1} s, {exactBytes / (double)items * 1_000_000 / (1 << 20):N0} MB per million (managed)");

        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        using var graph = new HnswVectorIndex();
        build.Restart();
        foreach (var (id, vector) in exact.All())
        {
            graph.Upsert(id, vector);
        }

        var graphSeconds = build.Elapsed.TotalSeconds;
        var rssGraph = Process.GetCurrentProcess().WorkingSet64 - rssBefore;
        Console.WriteLine($"HNSW graph: built at {items / graphSeconds:N0} vectors/s on one thread, about {rssGraph / (double)items * 1_000_000 / (1 << 20):N0} MB per million (resident growth; estimate {graph.MemoryBytes / (double)items * 1_000_000 / (1 << 20):N0})");

        var queryVectors = Enumerable.Range(0, queries).Select(_ => Near(bases[random.Next(bases.Count)], 0.1f)).ToList();
        var exactTimes = new List<double>();
        var graphTimes = new List<double>();
        var agreed = 0;
        foreach (var query in queryVectors)
        {
            var t = Stopwatch.StartNew();
            var truth = exact.Nearest(query, 10);
            exactTimes.Add(t.Elapsed.TotalMilliseconds);
            t.Restart();
            var found = graph.Nearest(query, 10);
            graphTimes.Add(t.Elapsed.TotalMilliseconds);
            var ids = truth.Select(h => h.Id).ToHashSet();
            agreed += found.Count(h => ids.Contains(h.Id));
        }

        Console.WriteLine($"k=10 over {items:N0}: exact median {BenchSupport.Median(exactTimes):F2} ms (p99 {BenchSupport.Percentile(exactTimes, 0.99):F2}); " +
            $"HNSW median {BenchSupport.Median(graphTimes):F3} ms (p99 {BenchSupport.Percentile(graphTimes, 0.99):F3}); ratio {BenchSupport.Median(exactTimes) / BenchSupport.Median(graphTimes):F0}x; HNSW recall@10 {agreed / (10.0 * queries):P1}");
        return 0;
    }
}
