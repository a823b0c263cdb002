namespace ImrPredict.Search.Tests;

/// <summary>A precedent from a generated demo letter says so in every hit and in the precedent; one from a user's letter does not.</summary>
public sealed class GeneratedPrecedentTests
{
    [Fact]
    public void Hits_and_precedents_carry_whether_their_letter_was_generated()
    {
        var letters = Enumerable.Range(0, 20).Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(new LetterGenerator(seed: 8).Generate(i))).Value).ToList();
        using var index = PrecedentIndex.InMemory();
        // The first half as generated demo letters, the second as a user's letters.
        index.ApplyChanges(letters.Select((l, i) => new IndexChange(l.LetterId, l, Generated: i < 10)).ToList(), sequence: 20);
        var generated = letters.Take(10).Select(l => l.LetterId).ToHashSet();

        var hits = letters.SelectMany(l => index.SearchByCase(l.ClinicalSummary, l.Items[0].RequestedItem, SearchFilters.None, 5).Value.Hits).ToList();

        Assert.Contains(hits, h => h.Generated);
        Assert.Contains(hits, h => !h.Generated);
        Assert.All(hits, h => Assert.Equal(generated.Contains(h.LetterId), h.Generated));
        Assert.True(index.Get($"{letters[0].LetterId}#0").Value.Hit.Generated);
        Assert.False(index.Get($"{letters[15].LetterId}#0").Value.Hit.Generated);
    }
}
