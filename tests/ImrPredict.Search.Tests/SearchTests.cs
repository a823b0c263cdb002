using Lucene.Net.Analysis.TokenAttributes;

namespace ImrPredict.Search.Tests;

public sealed class SearchTests : IDisposable
{
    private static readonly Lazy<IReadOnlyList<ImrLetter>> Corpus = new(() =>
    {
        var generator = new LetterGenerator(seed: 17);
        return Enumerable.Range(0, 400).Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value).ToList();
    });

    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("imr-index-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Theory]
    [InlineData("Norco 10/325mg #90", new[] { "norco", "10/325mg", "#90" })]
    [InlineData("MRI at L4-L5 with 8/10 pain", new[] { "mri", "l4-l5", "8/10", "pain" })]
    [InlineData("Per MTUS/ACOEM and the ODG guidelines", new[] { "per", "mtus", "acoem", "odg", "guideline" })]
    [InlineData("There was no red flag, not even spasms", new[] { "no", "red", "flag", "not", "even", "spasm" })]
    public void Analyzer_keeps_strengths_quantities_levels_and_negations(string text, string[] expected)
    {
        using var analyzer = new ImrAnalyzer();
        var tokens = new List<string>();
        for (var round = 0; round < 2; round++)
        {
            // Twice: the second pass runs on Lucene's reused token stream.
            tokens.Clear();
            using var stream = analyzer.GetTokenStream("rationale", new StringReader(text));
            var term = stream.AddAttribute<ICharTermAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add(term.ToString());
            }

            stream.End();
        }

        Assert.Equal(expected, tokens);
    }

    [Fact]
    public void Search_by_case_finds_the_same_kind_of_request_with_marked_passages()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Corpus.Value);
        var probe = Corpus.Value.First(l => l.Items.Any(i => i.Attributes.Category == ItemCategory.Opioid));
        var item = probe.Items.First(i => i.Attributes.Category == ItemCategory.Opioid);

        var page = index.SearchByCase(probe.ClinicalSummary, item.RequestedItem, new SearchFilters(ExcludeLetterId: probe.LetterId), pageSize: 5).Value;

        Assert.Equal(5, page.Hits.Count);
        Assert.All(page.Hits, h => Assert.NotEqual(probe.LetterId, h.LetterId));
        Assert.True(page.Hits.Count(h => h.Category == ItemCategory.Opioid) >= 4, "opioid precedents rank first for an opioid request");
        Assert.Contains(page.Hits, h => h.Passages.Any(p => p.Matches.Count > 0 && p.Marked.Contains("**", StringComparison.Ordinal)));
        foreach (var hit in page.Hits)
        {
            var rationale = index.Get(hit.Id).Value.Rationale;
            Assert.All(hit.Passages, p =>
            {
                Assert.Equal(p.Text, rationale.Substring(p.Start, p.Text.Length));
                Assert.All(p.Matches, m => Assert.True(m.Start >= 0 && m.End <= p.Text.Length && m.Length > 0 && !char.IsWhiteSpace(p.Text[m.Start]) && !char.IsWhiteSpace(p.Text[m.End - 1])));
            });
        }

        Assert.True(page.Hits.Zip(page.Hits.Skip(1)).All(pair => pair.First.Score >= pair.Second.Score));
    }

    [Fact]
    public void Filters_and_paging()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Corpus.Value);

        var overturned = index.SearchByText("pain", new SearchFilters(Decision: Decision.Overturned), pageSize: 20).Value;
        var imaging = index.SearchByText("pain", new SearchFilters(Categories: [ItemCategory.Imaging, ItemCategory.Surgery]), pageSize: 20).Value;
        var odg = index.SearchByText("pain", new SearchFilters(GuidelineSources: [GuidelineSource.Odg]), pageSize: 20).Value;
        var from = new DateOnly(2015, 1, 1);
        var to = new DateOnly(2015, 12, 31);
        var dated = index.SearchByText("pain", new SearchFilters(DecidedFrom: from, DecidedTo: to), pageSize: 20).Value;
        var first = index.SearchByText("pain", SearchFilters.None, pageSize: 10, page: 0).Value;
        var second = index.SearchByText("pain", SearchFilters.None, pageSize: 10, page: 1).Value;

        Assert.NotEmpty(overturned.Hits);
        Assert.All(overturned.Hits, h => Assert.Equal(Decision.Overturned, h.Decision));
        Assert.All(imaging.Hits, h => Assert.Contains(h.Category, new[] { ItemCategory.Imaging, ItemCategory.Surgery }));
        Assert.NotEmpty(odg.Hits);
        Assert.All(odg.Hits, h => Assert.Contains(GuidelineSource.Odg, index.Get(h.Id).Value.GuidelineSources));
        Assert.NotEmpty(dated.Hits);
        Assert.All(dated.Hits, h => Assert.InRange(h.DecisionDate!.Value, from, to));
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
        Assert.Equal(10, second.Hits.Count);
    }

    [Fact]
    public void Cached_filters_follow_added_and_replaced_letters()
    {
        using var index = PrecedentIndex.InMemory();
        var letters = Corpus.Value.Take(200).ToList();
        var target = letters.First(l => l.Items.Count == 1 && l.Items[0].Decision == Decision.Upheld);
        var item = target.Items[0];
        var category = item.Attributes.Category;
        SearchFilters Filter(Decision decision) => new(Decision: decision, Categories: [category]);
        bool Finds(Decision decision) => index.SearchByCase(target.ClinicalSummary, item.RequestedItem, Filter(decision), pageSize: 100).Value
            .Hits.Any(h => h.LetterId == target.LetterId);

        index.AddLetters(letters.Where(l => l.LetterId != target.LetterId));
        var missingAtFirst = Finds(Decision.Upheld);
        index.AddLetters([target]);
        var foundOnceAdded = Finds(Decision.Upheld);
        index.AddLetters([target with { Items = [item with { Decision = Decision.Overturned }] }]);

        Assert.False(missingAtFirst);
        Assert.True(foundOnceAdded, "a letter added after the filter was cached is found under it");
        Assert.False(Finds(Decision.Upheld), "the replaced item no longer matches its old decision");
        Assert.True(Finds(Decision.Overturned));
    }

    [Fact]
    public void Bad_requests_name_the_field()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Corpus.Value.Take(20));

        Assert.Equal("query", index.SearchByText("  ", SearchFilters.None).Error?.Field);
        Assert.Equal("query", index.SearchByText(new string('a', SearchTuning.Default.MaxQueryChars + 1), SearchFilters.None).Error?.Field);
        Assert.Equal("clinicalSummary", index.SearchByCase("", "", SearchFilters.None).Error?.Field);
        Assert.Equal("decidedFrom", index.SearchByText("pain", new SearchFilters(DecidedFrom: new DateOnly(2016, 1, 2), DecidedTo: new DateOnly(2016, 1, 1))).Error?.Field);
        Assert.Equal("pageSize", index.SearchByText("pain", SearchFilters.None, pageSize: 0).Error?.Field);
        Assert.Equal(SearchErrorCode.NotFound, index.Get("nope#0").Error?.Code);
    }

    [Fact]
    public void Re_adding_a_letter_replaces_its_items()
    {
        using var index = PrecedentIndex.InMemory();
        var letters = Corpus.Value.Take(50).ToList();
        index.AddLetters(letters);
        var count = index.Count;

        index.AddLetters(letters.Take(10));
        var shortened = letters[0] with { Items = letters[0].Items.Take(1).ToList() };
        index.AddLetters([shortened]);

        Assert.Equal(count - (letters[0].Items.Count - 1), index.Count);
        Assert.Equal(shortened.Items[0].Rationale, index.Get($"{shortened.LetterId}#0").Value.Rationale);
    }

    [Fact]
    public void Near_duplicate_rationales_collapse()
    {
        using var index = PrecedentIndex.InMemory();
        var template = Corpus.Value.First(l => l.Items.Count == 1);
        var copies = Enumerable.Range(0, 5).Select(i => template with { LetterId = $"copy-{i}" }).ToList();
        index.AddLetters(copies.Concat(Corpus.Value.Where(l => l.LetterId != template.LetterId).Take(100)));

        var page = index.SearchByCase(template.ClinicalSummary, template.Items[0].RequestedItem, SearchFilters.None, pageSize: 10).Value;

        Assert.Single(page.Hits, h => h.LetterId.StartsWith("copy-", StringComparison.Ordinal));
        Assert.InRange(page.Hits.Single(h => h.LetterId.StartsWith("copy-", StringComparison.Ordinal)).CollapsedDuplicates, 4, 50);
    }

    [Fact]
    public void Acknowledged_adds_survive_a_crash_and_damage_is_refused_at_open()
    {
        var live = Path.Combine(_folder.FullName, "live");
        var opened = PrecedentIndex.Open(live);
        Assert.True(opened.Success, opened.Error?.ToString());
        using (var index = opened.Value)
        {
            index.AddLetters(Corpus.Value.Take(30));

            // The writer is still open, as in a process killed now: what is on disk is what a restart sees.
            var crashed = Path.Combine(_folder.FullName, "crashed");
            Directory.CreateDirectory(crashed);
            foreach (var file in Directory.GetFiles(live).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
            {
                File.Copy(file, Path.Combine(crashed, Path.GetFileName(file)));
            }

            using var reopened = PrecedentIndex.Open(crashed).Value;
            Assert.Equal(Corpus.Value.Take(30).Sum(l => l.Items.Count), reopened.Count);

            var locked = PrecedentIndex.Open(live);
            Assert.Equal(SearchErrorCode.IndexLocked, locked.Error?.Code);
        }

        var damaged = Path.Combine(_folder.FullName, "damaged");
        Directory.CreateDirectory(damaged);
        foreach (var file in Directory.GetFiles(live))
        {
            File.Copy(file, Path.Combine(damaged, Path.GetFileName(file)));
        }

        foreach (var file in Directory.GetFiles(damaged).Where(f => !Path.GetFileName(f).StartsWith("segments", StringComparison.Ordinal) && !f.EndsWith(".lock", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(file);
            Array.Fill(bytes, (byte)0x5A, 0, Math.Min(bytes.Length, 64));
            File.WriteAllBytes(file, bytes);
        }

        var refused = PrecedentIndex.Open(damaged);
        Assert.Equal(SearchErrorCode.IndexDamaged, refused.Error?.Code);
    }

    [Fact]
    public void Bytes_zeroed_inside_a_file_that_keeps_its_size_are_refused_at_open()
    {
        var built = Path.Combine(_folder.FullName, "built");
        using (var index = PrecedentIndex.Open(built).Value)
        {
            index.AddLetters(Corpus.Value);
        }

        var damaged = Path.Combine(_folder.FullName, "zeroed");
        Directory.CreateDirectory(damaged);
        foreach (var file in Directory.GetFiles(built).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(damaged, Path.GetFileName(file)));
        }

        // As a disk or a copy gone wrong leaves it: a block of zeros in the middle of the largest file, its length unchanged.
        var largest = new DirectoryInfo(damaged).GetFiles().OrderByDescending(f => f.Length).First();
        var bytes = File.ReadAllBytes(largest.FullName);
        var block = Math.Min(64 * 1024, bytes.Length / 4);
        Array.Clear(bytes, (bytes.Length - block) / 2, block);
        File.WriteAllBytes(largest.FullName, bytes);

        using (var intact = PrecedentIndex.Open(built).Value)
        {
            Assert.True(intact.Count > 0);
        }

        var refused = PrecedentIndex.Open(damaged);
        Assert.Equal(SearchErrorCode.IndexDamaged, refused.Error?.Code);
        Assert.Contains("damaged", refused.Error!.Message, StringComparison.Ordinal);
    }
}
