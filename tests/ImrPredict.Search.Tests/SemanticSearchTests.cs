using System.Numerics.Tensors;
using ImrPredict.Search.Semantic;

namespace ImrPredict.Search.Tests;

/// <summary>Sentence embeddings, the vector indexes, rank fusion and the three search modes over one index.</summary>
public sealed class SemanticSearchTests
{
    private static readonly Lazy<SentenceEmbedder> Embedder = new(() => SentenceEmbedder.Load(threads: 2).Value);

    private static readonly Lazy<IReadOnlyList<ImrLetter>> Corpus = new(() =>
    {
        var generator = new LetterGenerator(seed: 23);
        return Enumerable.Range(0, 120).Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value).ToList();
    });

    [Fact]
    public void Vectors_are_normalized_and_a_paraphrase_is_nearer_than_another_item()
    {
        var vectors = Embedder.Value.Embed(["low back MRI", "MRI of the lumbar spine", "Norco 10/325mg #120"]);

        Assert.All(vectors, v => Assert.Equal(1f, TensorPrimitives.Norm(v), 3));
        Assert.Equal(SentenceEmbedder.Dimensions, vectors[0].Length);
        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) > TensorPrimitives.Dot(vectors[0], vectors[2]) + 0.3f,
            $"paraphrase {TensorPrimitives.Dot(vectors[0], vectors[1]):F2}, other item {TensorPrimitives.Dot(vectors[0], vectors[2]):F2}");
    }

    [Theory]
    [InlineData("MRI at L4", "MRI at S1")]
    [InlineData("radiculopathy at C5", "radiculopathy at C7")]
    [InlineData("Norco 10/325mg", "Norco 5/325mg")]
    public void Spinal_levels_and_strengths_are_read_not_unknown(string one, string other)
    {
        // The MiniLM package's own tokenizer maps these to [UNK], which would make both texts one vector.
        var vectors = Embedder.Value.Embed([one, other]);

        Assert.True(TensorPrimitives.Dot(vectors[0], vectors[1]) < 0.999f, $"'{one}' and '{other}' embed the same");
    }

    [Fact]
    public void A_batch_embeds_each_text_as_it_would_alone()
    {
        var texts = new[] { "Physical therapy 12 sessions", "Acupuncture for the neck, six visits, no functional improvement documented" };
        var batch = Embedder.Value.Embed(texts);

        for (var i = 0; i < texts.Length; i++)
        {
            Assert.True(TensorPrimitives.Dot(batch[i], Embedder.Value.Embed(texts[i])) > 0.9999f, "padding changed a vector");
        }
    }

    [Fact]
    public void Exact_search_finds_the_nearest_and_forgets_what_is_removed()
    {
        using var index = new ExactVectorIndex(dimensions: 3, capacity: 1);
        index.Upsert("a", Normalized(1, 0, 0));
        index.Upsert("b", Normalized(1, 1, 0));
        index.Upsert("c", Normalized(0, 0, 1));
        index.Upsert("a", Normalized(0, 1, 0));

        Assert.Equal(["b", "a"], index.Nearest(Normalized(1, 0.8f, 0), 2).Select(h => h.Id));
        Assert.True(index.Remove("b"));
        Assert.False(index.Remove("b"));
        Assert.Equal(["a", "c"], index.Nearest(Normalized(1, 0.8f, 0), 5).Select(h => h.Id));
        Assert.Equal(2, index.Count);
    }

    [Fact]
    public void The_graph_finds_nearly_all_of_the_exact_neighbours()
    {
        var random = new Random(5);
        using var exact = new ExactVectorIndex();
        // Uniform random vectors are the hardest case for a graph (every point nearly equidistant): a wide search keeps recall.
        using var graph = new HnswVectorIndex(expansionSearch: 256);
        for (var i = 0; i < 3000; i++)
        {
            var vector = Normalized(Enumerable.Range(0, SentenceEmbedder.Dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
            exact.Upsert($"v{i}", vector);
            graph.Upsert($"v{i}", vector);
        }

        graph.Remove("v7");
        exact.Remove("v7");
        var found = 0;
        for (var q = 0; q < 50; q++)
        {
            var query = Normalized(Enumerable.Range(0, SentenceEmbedder.Dimensions).Select(_ => (float)random.NextDouble() - 0.5f).ToArray());
            var truth = exact.Nearest(query, 10).Select(h => h.Id).ToHashSet();
            var approximate = graph.Nearest(query, 10);
            found += approximate.Count(h => truth.Contains(h.Id));
            Assert.DoesNotContain(approximate, h => h.Id == "v7");
        }

        Assert.True(found >= 0.9 * 500, $"recall@10 {found / 500.0:P0}");
        Assert.Equal(2999, graph.Count);
    }

    [Fact]
    public void Fusion_ranks_what_both_lists_rank_above_what_one_ranks_first()
    {
        var fused = RankFusion.Fuse<string>([["x", "both"], ["y", "both"]]);

        Assert.Equal("both", fused[0].Key);
        Assert.Equal(["both", "x", "y"], fused.Select(f => f.Key));
    }

    [Theory]
    [InlineData("lexical", SearchMode.Lexical)]
    [InlineData(" Hybrid ", SearchMode.Hybrid)]
    [InlineData("SEMANTIC", SearchMode.Semantic)]
    [InlineData("fuzzy", null)]
    [InlineData("", null)]
    public void Modes_are_read_by_name(string name, SearchMode? expected) => Assert.Equal(expected, SearchModes.Parse(name));

    [Fact]
    public void Each_mode_answers_with_filters_and_says_how_it_searched()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Corpus.Value);
        using var vectors = new ExactVectorIndex();
        foreach (var letter in Corpus.Value)
        {
            var embedded = Embedder.Value.Embed(letter.Items.Select(EmbeddingText.ForPrecedent).ToList());
            for (var i = 0; i < letter.Items.Count; i++)
            {
                vectors.Upsert(PrecedentIds.Of(letter.LetterId, letter.Items[i].Index), embedded[i]);
            }
        }

        var query = Embedder.Value.Embed("back scan after failed therapy");
        var overturned = new SearchFilters(Decision: Decision.Overturned);
        foreach (var mode in Enum.GetValues<SearchMode>())
        {
            var semantic = mode == SearchMode.Lexical ? null : new SemanticCandidates(mode, k => vectors.Nearest(query, k));
            var page = index.SearchByText("back scan after failed therapy", overturned, pageSize: 5, semantic: semantic).Value;

            Assert.Equal(mode, page.Mode);
            Assert.NotEmpty(page.Hits);
            Assert.All(page.Hits, h => Assert.Equal(Decision.Overturned, h.Decision));
            Assert.Equal(page.Hits.Count, page.Hits.Select(h => h.Id).Distinct().Count());
        }

        // By meaning alone, the hits are the nearest vectors in order (near-duplicate rationales folded into the first of them).
        var nearest = index.SearchByText("back scan after failed therapy", SearchFilters.None, pageSize: 3, semantic: new SemanticCandidates(SearchMode.Semantic, k => vectors.Nearest(query, k))).Value;
        var order = vectors.Nearest(query, 50).Select(h => h.Id).ToList();
        Assert.Equal(order[0], nearest.Hits[0].Id);
        Assert.Equal(nearest.Hits.Select(h => order.IndexOf(h.Id)).Order(), nearest.Hits.Select(h => order.IndexOf(h.Id)));
    }

    private static float[] Normalized(params float[] values)
    {
        var norm = TensorPrimitives.Norm(values);
        return values.Select(v => v / norm).ToArray();
    }
}
