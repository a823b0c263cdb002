using System.Text.Json;
using ImrPredict.Core.Parsing;
using ImrPredict.Synthetic;
using ImrPredict.TestSupport;

namespace ImrPredict.ML.Tests;

/// <summary>
/// The ready-made default bundle under <c>models/seed/default</c> (served by a fresh clone without training first) is what
/// <c>imr bootstrap --no-store</c> makes from the same generated letters, and this build loads it.
/// </summary>
public sealed class SeedBundleTests
{
    private static string Seed => Path.Combine(SharedDataLocation.RepositoryRoot(), "models", "seed", "default");

    [Fact]
    public void The_seed_bundle_is_the_bootstrap_of_the_same_generated_letters_and_this_build_loads_it()
    {
        var manifest = JsonSerializer.Deserialize<ModelManifest>(File.ReadAllText(Path.Combine(Seed, ModelBundle.ManifestFile)), ModelManifest.JsonOptions)!;
        var generator = new LetterGenerator(seed: 2024);
        var rows = Enumerable.Range(0, 5000).AsParallel().AsOrdered()
            .Select(i => LetterTextParser.Parse(LetterRenderer.Markdown(generator.Generate(i))).Value)
            .SelectMany(ItemRows.From)
            .ToList();

        var loaded = ModelBundle.Load(new Microsoft.ML.MLContext(seed: 1), Seed);

        Assert.Equal(["generated: 5000 letters, seed 2024"], manifest.DataSources);
        Assert.True(manifest.TrainedOnGenerated);
        // Same letters, same parse, same rows: a change to the generator, the parser or the rows makes the seed stale, and
        // `imr bootstrap --out models/seed/default --no-store` (after removing the folder) makes it again.
        Assert.Equal(DataFingerprint.Of(rows, LetterCorpus.Instance), manifest.DataFingerprint);
        Assert.True(loaded.Success, loaded.Success ? null : $"this build cannot load the seed bundle: {loaded.Error}; make it again with imr bootstrap --no-store");
    }
}
