using ImrPredict.ML.Calibration;
using ImrPredict.ML.Training.Calibration;

namespace ImrPredict.ML.Tests;

/// <summary>The calibration fitted on out-of-fold scores: honest probabilities on small corpora.</summary>
public class CalibrationTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    [Fact]
    public void On_2000_generated_items_cross_fitted_calibration_at_least_halves_the_ece()
    {
        // About 2,000 items, 5 grouped folds: the raw column is ML.NET's Platt step as bundles served it before
        // calibration; the calibrated column is each fold mapped by a calibrator fitted on the other folds.
        var rows = TestCorpus.Letters(seed: 5, count: 930).SelectMany(ItemRows.From).ToList();
        Assert.InRange(rows.Count, 1_900, 2_100);
        var ml = new MLContext(seed: 1);
        var oof = CrossValidator.Run(ml, rows, LetterCorpus.Instance, PipelineOptions.ForSmallCorpus(rows.Count), folds: 5, includeLogistic: false,
            cancellationToken: TestContext.Current.CancellationToken);
        var calibrated = CalibrationFitter.CrossFitted(oof.Model, oof.Labels, oof.Folds, 5);

        var raw = BinaryMetrics.Compute(oof.Model, oof.Labels, 0.5);
        var served = BinaryMetrics.Compute(calibrated, oof.Labels, 0.5);
        TestContext.Current.SendDiagnosticMessage($"ECE raw {raw.Ece:F4}, calibrated {served.Ece:F4}; log-loss {raw.LogLoss:F4} -> {served.LogLoss:F4}");
        Assert.True(served.Ece <= raw.Ece / 2, $"calibrated ECE {served.Ece:F4} is more than half the raw {raw.Ece:F4}");
        Assert.True(served.LogLoss <= raw.LogLoss, $"calibration made log-loss worse: {raw.LogLoss:F4} -> {served.LogLoss:F4}");
    }

    public static TheoryData<int, int, CalibrationMethod> MethodByPositives => new()
    {
        { 2_000, 400, CalibrationMethod.Isotonic },
        { 2_000, 100, CalibrationMethod.Isotonic },
        { 2_000, 99, CalibrationMethod.Platt },
        { 323, 33, CalibrationMethod.Platt },
    };

    [Theory]
    [MemberData(nameof(MethodByPositives))]
    public void Isotonic_needs_enough_positives_and_platt_is_shrunk_when_they_are_few(int items, int positives, CalibrationMethod expected)
    {
        var (scores, labels) = Synthetic(items, positives, seed: items + positives);
        var calibration = CalibrationFitter.Fit(scores, labels, "test");
        Assert.Equal(expected, calibration.Method);
        Assert.Equal(items, calibration.Items);
        Assert.Equal(positives, calibration.Positives);
        if (expected == CalibrationMethod.Platt)
        {
            Assert.Equal(CalibrationFitter.PriorStrength / (positives + CalibrationFitter.PriorStrength), calibration.Shrinkage, 9);
        }
    }

    [Fact]
    public void Calibration_is_monotone_and_within_zero_and_one()
    {
        foreach (var positives in new[] { 30, 300 })
        {
            var (scores, labels) = Synthetic(3_000, positives, seed: positives);
            var calibration = CalibrationFitter.Fit(scores, labels, "test");
            var previous = -1.0;
            for (var raw = 0.0; raw <= 1.0; raw += 0.001)
            {
                var p = calibration.Apply(raw);
                Assert.InRange(p, 0, 1);
                Assert.True(p >= previous - 1e-12, $"{calibration.Method} is not monotone at {raw}");
                previous = p;
            }
        }
    }

    [Fact]
    public void Overconfident_scores_are_pulled_to_what_was_observed()
    {
        // Scores twice as far from the base rate as the truth, as an overfitted Platt step gives.
        var random = new Random(3);
        var truth = Enumerable.Range(0, 20_000).Select(_ => 0.05 + 0.25 * random.NextDouble()).ToArray();
        var labels = truth.Select(p => random.NextDouble() < p).ToArray();
        var scores = truth.Select(p => Math.Clamp(2 * p - 0.1, 0.001, 0.999)).ToArray();
        var calibration = CalibrationFitter.Fit(scores, labels, "test");
        var before = BinaryMetrics.Compute(scores, labels, 0.5).Ece;
        var after = BinaryMetrics.Compute(scores.Select(calibration.Apply).ToArray(), labels, 0.5).Ece;
        Assert.True(after < before / 3, $"ECE {before:F4} -> {after:F4}");
        Assert.InRange(calibration.Apply(0.3), 0.16, 0.24);
    }

    [Fact]
    public void One_label_gives_the_base_rate_everywhere()
    {
        var calibration = CalibrationFitter.Fit([0.1, 0.5, 0.9], [false, false, false], "test");
        Assert.All(new[] { 0.0, 0.3, 1.0 }, raw => Assert.Equal(0, calibration.Apply(raw), 9));
    }

    [Fact]
    public void A_bundle_serves_its_calibrated_probability_and_says_when_a_category_has_few_examples()
    {
        var predictor = fixture.LoadPredictor();
        var calibration = predictor.Bundle.Manifest.Calibration;
        Assert.NotNull(calibration);
        var rows = fixture.Rows.Take(200).ToList();
        var raw = CrossValidator.Probabilities(fixture.Ml, predictor.Bundle.Model.Transform(fixture.Ml.Data.LoadFromEnumerable(rows)));
        var served = predictor.PredictBatch(rows);
        for (var i = 0; i < rows.Count; i++)
        {
            Assert.Equal(calibration.Apply(raw[i]), served[i], 9);
            Assert.Equal(served[i], predictor.Predict(rows[i]).POverturned, 5);
        }

        var support = predictor.Bundle.Manifest.CategorySupport;
        Assert.Equal(fixture.Rows.Count, support.Sum(s => s.Items));
        var common = support[0];
        var prediction = predictor.Predict(rows.First(r => r.ItemCategory == common.Category));
        Assert.Equal(common, prediction.Support);
        Assert.Equal(common.Items < predictor.Bundle.Manifest.LowSupportBelow, prediction.LowSupport);

        var unseen = predictor.Predict(new ItemRow { LetterId = "x", ClinicalSummary = "pain", RequestedItem = "something new", ItemCategory = "NeverTrainedOn" });
        Assert.True(unseen.LowSupport);
        Assert.Equal(0, unseen.Support!.Items);
    }

    private static (double[] Scores, bool[] Labels) Synthetic(int items, int positives, int seed)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, items).Select(i => i < positives).ToArray();
        var scores = labels.Select(l => Math.Clamp((l ? 0.3 : 0.1) + 0.1 * (random.NextDouble() - 0.5), 0.001, 0.999)).ToArray();
        return (scores, labels);
    }
}
