using Microsoft.ML.Data;

namespace ImrPredict.ML.Tests;

/// <summary>The rationale and guideline lines state the verdict: the features must not see them.</summary>
public class FeatureLeakTests
{
    [Fact]
    public void Changing_rationale_and_guidelines_does_not_change_rows_or_features()
    {
        var letter = TestCorpus.Shared.First(l => l.Items.Count >= 2);
        var altered = letter with
        {
            Items = letter.Items.Select(i => i with
            {
                Rationale = "Overturned. The request is medically necessary. " + new string('x', 50),
                ClaimsAdministratorGuideline = "Decision based on ODG anything",
                MaximusGuideline = null,
                GuidelineCitations = [],
            }).ToList(),
        };

        var original = ItemRows.From(letter).ToList();
        var changed = ItemRows.From(altered).ToList();

        Assert.Equal(original.Count, changed.Count);
        var ml = new MLContext(seed: 1);
        var featurizer = ImrPipeline.Featurizer(ml, PipelineOptions.ForSmallCorpus(100)).Fit(ml.Data.LoadFromEnumerable(TestCorpus.SharedRows));
        var before = Features(ml, featurizer, original);
        var after = Features(ml, featurizer, changed);
        for (var i = 0; i < before.Count; i++)
        {
            Assert.Equal(before[i], after[i]);
        }

        // The check can fail: a changed summary does change the features.
        var summaryChanged = ItemRows.From(letter with { ClinicalSummary = letter.ClinicalSummary + " Red flags: fever, night pain, weight loss." }).ToList();
        Assert.NotEqual(before[0], Features(ml, featurizer, summaryChanged)[0]);
    }

    [Fact]
    public void Rows_carry_no_text_from_rationales()
    {
        foreach (var letter in TestCorpus.Shared.Take(200))
        {
            foreach (var (row, item) in ItemRows.From(letter).Zip(letter.Items))
            {
                Assert.DoesNotContain("medically necessary", row.ClinicalSummary + row.RequestedItem + row.CategorySummary, StringComparison.OrdinalIgnoreCase);
                Assert.Equal(item.Decision == Decision.Overturned, row.Label);
            }
        }
    }

    private static List<float[]> Features(MLContext ml, ITransformer featurizer, List<ItemRow> rows) =>
        featurizer.Transform(ml.Data.LoadFromEnumerable(rows)).GetColumn<VBuffer<float>>(ImrPipeline.FeaturesColumn)
            .Select(v => v.DenseValues().ToArray()).ToList();
}
