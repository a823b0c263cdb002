using ImrPredict.ML.Training.Criteria;

namespace ImrPredict.ML.Tests;

/// <summary>
/// <c>imr criteria</c>'s miner: phrases of two to four words from the rationales, never edged by a stop word nor made
/// of the verdict formula alone, counted once per item, with the overturn rate of the items that use them.
/// </summary>
public sealed class CriteriaMiningTests
{
    [Fact]
    public void Phrases_leave_out_stop_word_edges_bare_numbers_and_the_verdict_formula()
    {
        var phrases = RationalePhraseMiner.Phrases("Therefore, the request is not medically necessary. There is no documentation of functional improvement after 12 sessions.");

        Assert.Contains("functional improvement", phrases);
        Assert.Contains("documentation of functional improvement", phrases);
        Assert.DoesNotContain("medically necessary", phrases);
        Assert.DoesNotContain("is not", phrases);
        Assert.DoesNotContain(phrases, p => p.Split(' ')[0] is "the" or "of" || p.Split(' ')[^1] is "the" or "of" or "after");
        Assert.DoesNotContain(phrases, p => p.Split(' ').Any(w => w.All(char.IsDigit)));
    }

    [Fact]
    public void Candidates_count_items_and_overturn_rates_per_category_and_name_the_catalogue_criterion()
    {
        var letters = TestCorpus.Letters(seed: 77, count: 600);

        var candidates = RationalePhraseMiner.Mine(letters, minItems: 5, top: 30);

        Assert.NotEmpty(candidates);
        foreach (var c in candidates)
        {
            var items = letters.SelectMany(l => l.Items).Where(i => i.Attributes.Category == c.Category).ToList();
            var using_ = items.Where(i => RationalePhraseMiner.Phrases(i.Rationale).Contains(c.Phrase)).ToList();
            Assert.Equal((using_.Count, using_.Count(i => i.Decision == Decision.Overturned)), (c.Items, c.Overturned));
            Assert.Equal(items.Count, c.CategoryItems);
            Assert.True(c.Items >= 5);
        }

        Assert.Contains(candidates, c => c.Criterion is not null);
        Assert.All(candidates.GroupBy(c => c.Category), g => Assert.True(g.Count() <= 30));
    }
}
