using System.IO.Compression;
using System.Text.Json;
using ImrPredict.Core.Results;
using ImrPredict.ML.Prediction;

namespace ImrPredict.ML.Tests;

/// <summary>One small model trained once and saved as a bundle, shared by the bundle tests.</summary>
public sealed class TrainedBundleFixture : IDisposable
{
    public TrainedBundleFixture()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("imr-bundle-");
        Rows = TestCorpus.SharedRows;
        Options = PipelineOptions.ForSmallCorpus(Rows.Count) with { Seed = 7 };
        Trained = ModelTrainer.Train(Ml, Rows, LetterCorpus.Instance, Options, validationFolds: 3, includeLogistic: false).Value;
        BundlePath = Path.Combine(Directory.FullName, "bundle");
        Assert.Null(Save(BundlePath, overwrite: false));
    }

    public MLContext Ml { get; } = new(seed: 7);

    public DirectoryInfo Directory { get; }

    public IReadOnlyList<ItemRow> Rows { get; }

    public PipelineOptions Options { get; }

    public TrainedModel Trained { get; }

    public string BundlePath { get; }

    public Error<BundleErrorCode>? Save(string path, bool overwrite) =>
        ModelBundle.Save(Ml, path, Trained.Model, Trained.InputSchema,
            hash => ManifestFactory.For(Trained, "letters-test", "letters", Options, LetterCorpus.Instance.Features, ModelBundle.LetterInputColumns, [], hash, DateTimeOffset.UnixEpoch),
            overwrite);

    /// <summary>Loads the saved bundle and its predictor, failing the test with the error when either is refused.</summary>
    public ItemPredictor LoadPredictor()
    {
        var bundle = ModelBundle.Load(Ml, BundlePath);
        Assert.True(bundle.Success, bundle.Error?.ToString());
        var predictor = ItemPredictor.Create(Ml, bundle.Value);
        Assert.True(predictor.Success, predictor.Error?.ToString());
        return predictor.Value;
    }

    public void Dispose() => Directory.Delete(recursive: true);
}

public class BundleTests(TrainedBundleFixture fixture) : IClassFixture<TrainedBundleFixture>
{
    [Fact]
    public void Trained_model_has_signal_and_a_threshold_from_validation()
    {
        Assert.InRange(fixture.Trained.ValidationMetrics.RocAuc, 0.62, 1.0);
        Assert.InRange(fixture.Trained.Threshold.Value, 0.01, 0.99);
        Assert.InRange(fixture.Trained.Threshold.Recall, 0.01, 1.0);
        Assert.StartsWith("sha256:", fixture.Trained.DataFingerprint, StringComparison.Ordinal);
        Assert.Equal(fixture.Trained.DataFingerprint, DataFingerprint.Of(fixture.Rows.Reverse(), LetterCorpus.Instance));
    }

    [Fact]
    public void Saved_bundle_loads_and_predicts_held_out_letters_better_than_chance()
    {
        var predictor = fixture.LoadPredictor();
        Assert.StartsWith("5.", predictor.Bundle.Manifest.MlNetVersion, StringComparison.Ordinal);

        var heldOut = TestCorpus.Letters(seed: 99, count: 1500).SelectMany(ItemRows.From).ToList();
        var probabilities = predictor!.PredictBatch(heldOut);

        Assert.InRange(BinaryMetrics.RocAucOf(probabilities, heldOut.Select(r => r.Label).ToArray()), 0.6, 1.0);
        var single = predictor.Predict(heldOut[0], contributions: 5);
        Assert.Equal(probabilities[0], single.POverturned, 5);
        Assert.Equal(single.POverturned >= predictor.Threshold ? Decision.Overturned : Decision.Upheld, single.Decision);
        Assert.InRange(single.Contributions.Count, 1, 5);
        Assert.All(single.Contributions, c => Assert.DoesNotContain("Features.", c.Feature, StringComparison.Ordinal));
        Assert.Contains(predictor.Predict(heldOut[1], contributions: 8).Contributions, c => c.Feature.StartsWith("summary", StringComparison.Ordinal) || c.Feature.StartsWith("requested item", StringComparison.Ordinal) || c.Feature.StartsWith("item category", StringComparison.Ordinal));
    }

    [Fact]
    public void Explanations_name_only_words_keyed_to_the_item_own_category()
    {
        var predictor = fixture.LoadPredictor();
        var items = TestCorpus.Letters(seed: 98, count: 300).SelectMany(ItemRows.From).Take(200).ToList();

        var keyed = 0;
        foreach (var item in items)
        {
            foreach (var contribution in predictor!.Predict(item, contributions: 8).Contributions.Where(c => c.Feature.StartsWith("summary, for ", StringComparison.Ordinal)))
            {
                keyed++;
                Assert.StartsWith($"summary, for {item.ItemCategory.ToLowerInvariant()} requests:", contribution.Feature, StringComparison.Ordinal);
            }
        }

        Assert.True(keyed > 20, $"only {keyed} keyed contributions in 200 items");
    }

    [Fact]
    public void Predictions_are_the_same_from_many_threads()
    {
        var predictor = fixture.LoadPredictor();
        var rows = fixture.Rows.Take(200).ToList();
        var sequential = rows.Select(r => predictor!.Predict(r).POverturned).ToArray();

        var parallel = new double[rows.Count];
        Parallel.For(0, rows.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var p = predictor!.Predict(rows[i % rows.Count], contributions: i % 2).POverturned;
            parallel[i % rows.Count] = p;
        });

        Assert.Equal(sequential, parallel);
    }

    [Fact]
    public void Existing_bundle_is_not_overwritten_without_consent()
    {
        var before = File.ReadAllBytes(Path.Combine(fixture.BundlePath, ModelBundle.ManifestFile));

        var error = fixture.Save(fixture.BundlePath, overwrite: false);

        Assert.Equal(BundleErrorCode.AlreadyExists, error?.Code);
        Assert.Equal(before, File.ReadAllBytes(Path.Combine(fixture.BundlePath, ModelBundle.ManifestFile)));
        Assert.Empty(System.IO.Directory.GetDirectories(fixture.Directory.FullName, ".bundle.tmp-*"));
    }

    [Fact]
    public void Damaged_bundles_are_refused_with_the_reason()
    {
        var root = fixture.Directory.CreateSubdirectory("damaged-" + Guid.NewGuid().ToString("N")).FullName;
        string Copy(string name)
        {
            var target = Path.Combine(root, name);
            System.IO.Directory.CreateDirectory(target);
            foreach (var file in System.IO.Directory.GetFiles(fixture.BundlePath))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }

            return target;
        }

        var missing = Path.Combine(root, "nothing-here");
        Assert.Equal(BundleErrorCode.Missing, ModelBundle.Load(fixture.Ml, missing).Error?.Code);

        var noModel = Copy("no-model");
        File.Delete(Path.Combine(noModel, ModelBundle.ModelFile));
        Assert.Equal(BundleErrorCode.Missing, ModelBundle.Load(fixture.Ml, noModel).Error?.Code);

        var badManifest = Copy("bad-manifest");
        File.WriteAllText(Path.Combine(badManifest, ModelBundle.ManifestFile), "{ not json");
        Assert.Equal(BundleErrorCode.ManifestInvalid, ModelBundle.Load(fixture.Ml, badManifest).Error?.Code);

        var mismatched = Copy("mismatched");
        var bytes = File.ReadAllBytes(Path.Combine(mismatched, ModelBundle.ModelFile));
        bytes[bytes.Length / 2] ^= 0xFF;
        File.WriteAllBytes(Path.Combine(mismatched, ModelBundle.ModelFile), bytes);
        var mismatch = ModelBundle.Load(fixture.Ml, mismatched).Error;
        Assert.Equal(BundleErrorCode.ManifestMismatch, mismatch?.Code);
        Assert.Contains("model.zip", mismatch!.Message, StringComparison.Ordinal);

        // A foreign zip whose hash the manifest names: it passes the hash check and must fail the load.
        var foreign = Copy("foreign");
        var foreignModel = Path.Combine(foreign, ModelBundle.ModelFile);
        File.Delete(foreignModel);
        using (var zip = ZipFile.Open(foreignModel, ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a model");
        }

        RewriteHash(foreign);
        Assert.Equal(BundleErrorCode.ModelCorrupt, ModelBundle.Load(fixture.Ml, foreign).Error?.Code);

        var truncated = Copy("truncated");
        var model = Path.Combine(truncated, ModelBundle.ModelFile);
        File.WriteAllBytes(model, File.ReadAllBytes(model)[..1000]);
        RewriteHash(truncated);
        Assert.Equal(BundleErrorCode.ModelCorrupt, ModelBundle.Load(fixture.Ml, truncated).Error?.Code);
    }

    [Fact]
    public void Training_refuses_data_it_cannot_learn_from()
    {
        var rows = fixture.Rows.Take(300).ToList();
        var allUpheld = rows.Select(r => Clone(r, label: false)).ToList();

        var noOverturned = ModelTrainer.Check(allUpheld, LetterCorpus.Instance, 3);
        Assert.Contains("Upheld", noOverturned?.Message, StringComparison.Ordinal);
        Assert.Equal(TrainingErrorCode.NoItems, ModelTrainer.Check(new List<ItemRow>(), LetterCorpus.Instance, 3)?.Code);
        Assert.Equal(TrainingErrorCode.TooFewGroups, ModelTrainer.Check(rows.Take(2).Select(r => Clone(r, r.Label)).Append(Clone(rows[0], !rows[0].Label)).ToList(), LetterCorpus.Instance, 3)?.Code);
        Assert.False(ModelTrainer.Train(fixture.Ml, allUpheld, LetterCorpus.Instance, fixture.Options, 3, includeLogistic: false, cancellationToken: TestContext.Current.CancellationToken).Success);
    }

    private static ItemRow Clone(ItemRow row, bool label) => new()
    {
        LetterId = row.LetterId, ItemIndex = row.ItemIndex, Label = label, ClinicalSummary = row.ClinicalSummary,
        CategorySummary = row.CategorySummary, RequestedItem = row.RequestedItem, ItemCategory = row.ItemCategory,
    };

    private static void RewriteHash(string bundle)
    {
        var path = Path.Combine(bundle, ModelBundle.ManifestFile);
        var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(path), ModelManifest.JsonOptions)!;
        File.WriteAllText(path, JsonSerializer.Serialize(manifest with { ModelSha256 = ModelBundle.Sha256Of(Path.Combine(bundle, ModelBundle.ModelFile)) }, ModelManifest.JsonOptions));
    }
}
