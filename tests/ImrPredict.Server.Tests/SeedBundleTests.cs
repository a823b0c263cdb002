using System.Text.Json;
using ImrPredict.ML.Bundles;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The ready-made default bundle under <c>models/seed/default</c> is served by a fresh start without training, while the
/// generated letters fill the empty store behind it (that the bundle is what <c>imr bootstrap</c> makes: ML.Tests).
/// </summary>
public sealed class SeedBundleTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Seed => Path.Combine(SharedDataLocation.RepositoryRoot(), "models", "seed", "default");

    [Fact]
    public async Task A_fresh_start_serves_the_seed_bundle_at_once_and_fills_the_empty_store_behind_it()
    {
        var models = Directory.CreateTempSubdirectory("imr-seed-models-");
        var data = Directory.CreateTempSubdirectory("imr-seed-data-");
        var seedVersion = JsonDocument.Parse(File.ReadAllText(Path.Combine(Seed, ModelBundle.ManifestFile))).RootElement.GetProperty("bundleVersion").GetString();
        await using (var server = new ServerProcess(models.FullName, data.FullName, new Dictionary<string, string>
        {
            ["ImrPredict:BuildDefaultBundle"] = "true",
            ["ImrPredict:SeedBundleDirectory"] = Seed,
            ["ImrPredict:DefaultCorpusLetters"] = "500",
            ["Logging:LogLevel:ImrPredict.Server.ModelLoader"] = "Information",
        }))
        {
            var started = DateTime.UtcNow;
            await server.StartAsync(Token);
            var info = await server.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);
            var servedAfter = DateTime.UtcNow - started;

            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (info.Precedents == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, Token);
                info = await server.Client.GetModelInfoAsync(new GetModelInfoRequest(), cancellationToken: Token);
            }

            Assert.Equal(seedVersion, info.BundleVersion);
            Assert.True(info.TrainedOnGenerated);
            Assert.True(info.Precedents > 0, "the generated letters reached the store and the index");
            Assert.True(File.Exists(Path.Combine(models.FullName, "default", ModelBundle.ManifestFile)), "the seed was copied into the served folder");
            Assert.Contains(server.Output, line => line.Contains("ready-made default bundle", StringComparison.Ordinal));
            Assert.True(servedAfter < TimeSpan.FromSeconds(60), $"served after {servedAfter.TotalSeconds:F0} s: no training at start");
        }

        models.Delete(recursive: true);
        data.Delete(recursive: true);
    }
}
