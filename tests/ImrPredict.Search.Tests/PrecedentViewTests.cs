namespace ImrPredict.Search.Tests;

/// <summary>One precedent read in full: its letter's items, and where a query's words occur in it.</summary>
public sealed class PrecedentViewTests
{
    private static readonly IReadOnlyList<ImrLetter> Letters = Enumerable.Range(0, 60)
        .Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(new LetterGenerator(seed: 5).Generate(i))).Value).ToList();

    [Fact]
    public void A_precedent_lists_every_item_of_its_letter_in_order()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Letters);
        var letter = Letters.First(l => l.Items.Count >= 3);

        var precedent = index.Get($"{letter.LetterId}#1").Value;

        Assert.Equal(letter.Items.Select(i => i.RequestedItem), precedent.LetterItems.Select(i => i.RequestedItem));
        Assert.Equal(letter.Items.Select(i => i.Decision), precedent.LetterItems.Select(i => i.Decision));
        Assert.Equal(letter.Items.Select(i => $"{letter.LetterId}#{i.Index}"), precedent.LetterItems.Select(i => i.Id));
        Assert.Empty(precedent.RationaleMatches);
    }

    [Fact]
    public void A_query_marks_its_words_in_the_summary_and_rationale()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Letters);
        var letter = Letters.First(l => l.Items.Any(i => i.Rationale.Contains("guidelines", StringComparison.OrdinalIgnoreCase)));
        var item = letter.Items.First(i => i.Rationale.Contains("guidelines", StringComparison.OrdinalIgnoreCase));

        var precedent = index.Get($"{letter.LetterId}#{item.Index}", "guidelines").Value;

        Assert.NotEmpty(precedent.RationaleMatches);
        // Stemmed: "guideline" and "guidelines" both match, each span on a whole word.
        Assert.All(precedent.RationaleMatches, m => Assert.StartsWith("guideline", precedent.Rationale[m.Start..m.End], StringComparison.OrdinalIgnoreCase));
        Assert.Equal(CountWords(precedent.Rationale, "guideline"), precedent.RationaleMatches.Count);
    }

    [Fact]
    public void A_query_too_long_is_refused_by_name()
    {
        using var index = PrecedentIndex.InMemory();
        index.AddLetters(Letters.Take(2));

        var result = index.Get($"{Letters[0].LetterId}#0", new string('a', 100_000));

        Assert.Equal(SearchErrorCode.InvalidArgument, result.Error?.Code);
        Assert.Equal("query", result.Error?.Field);
    }

    private static int CountWords(string text, string stem) =>
        text.Split([' ', ',', '.', ';', ':', '(', ')', '"', '\n'], StringSplitOptions.RemoveEmptyEntries)
            .Count(w => w.StartsWith(stem, StringComparison.OrdinalIgnoreCase) && w.Length <= stem.Length + 1);
}
