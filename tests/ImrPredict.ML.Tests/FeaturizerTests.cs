using ImrPredict.ML.Prediction;
using Microsoft.ML.Data;

namespace ImrPredict.ML.Tests;

/// <summary>The category-keyed summary blocks: chosen among each category's own items, robust to absent categories.</summary>
public class FeaturizerTests
{
    [Fact]
    public void A_small_category_keeps_the_summary_words_that_decide_it()
    {
        // NSAIDs are about 5% of items. Ranked over the whole corpus, their facts lose every slot to the common categories;
        // ranked among NSAID items, n-grams of "osteoarthritis" (a fact that supports them) are kept.
        var ml = new MLContext(seed: 1);
        var rows = TestCorpus.SharedRows;
        var schema = ImrPipeline.Featurizer(ml, new PipelineOptions { KeyedSummarySlots = 100 })
            .Fit(ml.Data.LoadFromEnumerable(rows)).GetOutputSchema(ml.Data.LoadFromEnumerable(rows).Schema);

        var nsaid = SlotNames(schema, "KeyedNsaidFeatures");
        Assert.InRange(nsaid.Count, 50, 100);
        Assert.Contains(nsaid, name => name.Contains("osteoarthritis", StringComparison.Ordinal));
        Assert.All(nsaid, name => Assert.StartsWith("nsaidx", name, StringComparison.Ordinal));

        foreach (var category in rows.GroupBy(r => r.ItemCategory).Where(g => g.Count() >= 50).Select(g => g.Key))
        {
            Assert.NotEmpty(SlotNames(schema, "Keyed" + category + "Features"));
        }
    }

    [Fact]
    public void A_category_absent_from_training_still_featurizes_and_predicts()
    {
        var ml = new MLContext(seed: 1);
        var rows = TestCorpus.SharedRows;
        var withoutNsaids = rows.Where(r => r.ItemCategory != nameof(ItemCategory.Nsaid)).ToList();
        var featurizer = ImrPipeline.Featurizer(ml, PipelineOptions.ForSmallCorpus(withoutNsaids.Count)).Fit(ml.Data.LoadFromEnumerable(withoutNsaids));

        var nsaidRows = rows.Where(r => r.ItemCategory == nameof(ItemCategory.Nsaid)).Take(5).ToList();
        var features = featurizer.Transform(ml.Data.LoadFromEnumerable(nsaidRows)).GetColumn<VBuffer<float>>(ImrPipeline.FeaturesColumn).ToList();

        Assert.Equal(5, features.Count);
        Assert.All(features, f => Assert.Contains(f.DenseValues(), v => v != 0));
    }

    [Theory]
    [InlineData("KeyedNsaidFeatures.nsaidxosteoarthritis|nsaidxof", "summary, for nsaid requests: \"osteoarthritis of\"")]
    [InlineData("KeyedOpioidFeatures.opioidxurine", "summary, for opioid requests: \"urine\"")]
    [InlineData("KeyedFeatures.opioidxurine|opioidxdrug", "summary, for opioid requests: \"urine drug\"")]
    [InlineData("SummaryFeatures.red|flags", "summary: \"red flags\"")]
    [InlineData("CategoryFeatures.Imaging", "item category = Imaging")]
    [InlineData("NumericMissing.Quantity", "Quantity not stated")]
    [InlineData("ItemFeatures.Char.t|<\u2420>|1|0", "requested item letters: \"t 10\"")]
    [InlineData("ItemFeatures.Char.i|x|<\u241F>|o", "requested item letters: \"ix o\"")]
    public void Slot_names_read_as_words(string slot, string readable) => Assert.Equal(readable, FeatureNames.Readable(slot));

    private static List<string> SlotNames(DataViewSchema schema, string column)
    {
        VBuffer<ReadOnlyMemory<char>> names = default;
        schema[column].GetSlotNames(ref names);
        return names.DenseValues().Select(n => n.ToString()).ToList();
    }
}
