using ImrPredict.Application.Cases.Explanations;
using ImrPredict.ML.Prediction;

namespace ImrPredict.Application.Tests;

/// <summary>Contributions become reasons a reader can check against the case: spans where the words are, n-grams of the same words merged.</summary>
public sealed class ReasonBuilderTests
{
    private const string Summary = "Urine drug screen, consistent with Norco. No functional improvement was documented.";

    private static FeatureContribution Words(FeatureSource source, string words, double weight, double value) =>
        new($"{source}: \"{words}\"", weight) { Source = source, Words = words, Value = value };

    [Fact]
    public void Overlapping_ngrams_found_side_by_side_read_as_one_phrase()
    {
        var (contributions, reasons) = ReasonBuilder.Explain(Summary, "Norco 10/325mg #120",
        [
            Words(FeatureSource.Summary, "urine drug", 0.4, 1),
            Words(FeatureSource.Summary, "drug screen", 0.3, 1),
            Words(FeatureSource.Summary, "screen consistent", 0.2, 1),
        ]);

        var reason = Assert.Single(reasons);
        Assert.Equal("mentions \"Urine drug screen, consistent\"", reason.Text);
        Assert.Equal(0.9, reason.Weight, 6);
        Assert.True(reason.Present);
        Assert.Equal(CaseField.ClinicalSummary, reason.Field);
        var span = Assert.Single(reason.Spans);
        Assert.Equal("Urine drug screen, consistent", Summary[span.Start..span.End]);
        Assert.Equal(3, reason.Features.Count);
        Assert.All(contributions, c => Assert.Single(c.Spans));
        Assert.Equal("Urine drug", Summary[contributions[0].Spans[0].Start..contributions[0].Spans[0].End]);
    }

    [Fact]
    public void Absent_ngrams_that_run_into_each_other_merge()
    {
        var (_, reasons) = ReasonBuilder.Explain("Neck pain after a fall.", "Norco",
        [
            Words(FeatureSource.Summary, "functional", 0.2, 0),
            Words(FeatureSource.Summary, "functional improvement", 0.5, 0),
            Words(FeatureSource.Summary, "improvement documented", 0.1, 0),
        ]);

        var reason = Assert.Single(reasons);
        Assert.Equal("does not mention \"functional improvement documented\"", reason.Text);
        Assert.False(reason.Present);
        Assert.Empty(reason.Spans);
    }

    [Theory]
    [InlineData(0.3, -0.2, 2)] // opposite directions stay apart
    [InlineData(0.3, 0.2, 1)]
    public void Only_contributions_pointing_the_same_way_merge(double first, double second, int expected)
    {
        var (_, reasons) = ReasonBuilder.Explain(Summary, "Norco",
            [Words(FeatureSource.Summary, "urine drug", first, 1), Words(FeatureSource.Summary, "drug screen", second, 1)]);

        Assert.Equal(expected, reasons.Count);
    }

    [Fact]
    public void The_same_ngram_counted_for_any_item_and_for_the_category_is_one_reason()
    {
        var (_, reasons) = ReasonBuilder.Explain(Summary, "Norco",
        [
            Words(FeatureSource.Summary, "no functional", -0.3, 1),
            new("summary, for Opioid requests: \"no functional\"", -0.2) { Source = FeatureSource.Summary, Words = "no functional", Value = 1 },
        ]);

        var reason = Assert.Single(reasons);
        Assert.Equal("mentions \"No functional\"", reason.Text);
        Assert.Equal(-0.5, reason.Weight, 6);
    }

    [Theory]
    [InlineData(FeatureSource.Item, "mri", 1, "requested item says \"MRI\"")]
    [InlineData(FeatureSource.Item, "lumbar", 0, "requested item does not say \"lumbar\"")]
    [InlineData(FeatureSource.Category, "Imaging", 1, "item category is Imaging")]
    [InlineData(FeatureSource.Category, "Opioid", 0, "item category is not Opioid")]
    [InlineData(FeatureSource.Number, "DaysFromInjuryToUrDenial", 400, "days from injury to UR denial is 400")]
    [InlineData(FeatureSource.Number, "Sessions", 0, "no sessions stated")]
    [InlineData(FeatureSource.NumberMissing, "Quantity", 1, "quantity not stated")]
    [InlineData(FeatureSource.NumberMissing, "Quantity", 0, "quantity stated")]
    public void Each_kind_of_feature_reads_as_a_sentence(FeatureSource source, string words, double value, string expected)
    {
        var (contributions, reasons) = ReasonBuilder.Explain(Summary, "MRI of the lumbar spine", [Words(source, words, 0.1, value)]);

        Assert.Equal(expected, Assert.Single(reasons).Text);
        Assert.Equal(source switch { FeatureSource.Category => ReasonKind.Category, FeatureSource.Number or FeatureSource.NumberMissing => ReasonKind.Number, _ => ReasonKind.Term },
            reasons[0].Kind);
        if (source is FeatureSource.Item && value > 0)
        {
            var span = Assert.Single(contributions[0].Spans);
            Assert.Equal(words, "MRI of the lumbar spine"[span.Start..span.End], StringComparer.OrdinalIgnoreCase);
        }
    }

    /// <summary>What the model may weigh but a reader is never shown: stop words, bare numbers, short fragments, pieces of words, character n-grams.</summary>
    [Theory]
    [InlineData(FeatureSource.Summary, "to", 1)]
    [InlineData(FeatureSource.Summary, "he", 1)]
    [InlineData(FeatureSource.Summary, "no", 1)]
    [InlineData(FeatureSource.Summary, "1010", 0)]
    [InlineData(FeatureSource.Summary, "concern for", 0)]
    [InlineData(FeatureSource.Summary, "n 10", 0)]
    [InlineData(FeatureSource.Item, "ct", 0)]
    [InlineData(FeatureSource.ItemLetters, "umba", 1)]
    [InlineData(FeatureSource.ItemLetters, "opro", 1)]
    public void Words_a_reader_cannot_read_as_a_clinical_term_are_never_reasons(FeatureSource source, string words, double value)
    {
        var (contributions, reasons) = ReasonBuilder.Explain("He was sent to pain management with no concern for 10 of 10 pain.", "MRI of the lumbar spine",
            [Words(source, words, 0.3, value)]);

        Assert.Single(contributions);
        Assert.Empty(reasons);
    }

    [Fact]
    public void Words_the_featurizer_joined_across_punctuation_are_found_in_the_text()
    {
        var (contributions, _) = ReasonBuilder.Explain("Pain 8/10 at L4-L5; no red-flags.", "Norco", [Words(FeatureSource.Summary, "l4l5 no", 0.1, 1)]);

        var span = Assert.Single(contributions[0].Spans);
        Assert.Equal("L4-L5; no", "Pain 8/10 at L4-L5; no red-flags."[span.Start..span.End]);
    }

    [Fact]
    public void Reasons_come_strongest_first()
    {
        var (_, reasons) = ReasonBuilder.Explain(Summary, "Norco",
            [Words(FeatureSource.Summary, "norco", 0.1, 1), Words(FeatureSource.Category, "Opioid", -0.6, 1), Words(FeatureSource.Summary, "urine", 0.3, 1)]);

        Assert.Equal(["item category is Opioid", "mentions \"Urine\"", "mentions \"Norco\""], reasons.Select(r => r.Text));
    }
}
