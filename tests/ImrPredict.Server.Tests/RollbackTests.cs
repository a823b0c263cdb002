using ImrPredict.ML.Bundles;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Publishing from the history and rolling back against a real server process: the service swaps to each published
/// bundle, says when and why it was promoted, and a rollback restores the previous bundle byte for byte.
/// </summary>
public sealed class RollbackTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Rollback_restores_the_previous_bundle_byte_for_byte_and_the_service_swaps_to_it()
    {
        var token = TestContext.Current.CancellationToken;
        var history = new BundleHistory(Models);
        var first = history.Keep(history.ServingDirectory);
        Assert.True(first.Success, first.Error?.Message);
        Assert.True(history.Publish(first.Value, "promote").Success);
        var second = history.Keep(Renamed(history.ServingDirectory, "letters-second-"));
        Assert.True(second.Success, second.Error?.Message);
        Assert.True(history.Publish(second.Value, "promote").Success);

        await using var server = Server();
        await server.StartAsync(token);
        var before = await server.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token);

        var rolledBack = history.Rollback();
        var after = await WaitForVersionAsync(server, first.Value, token);
        var prediction = await server.Client.PredictAsync(new V1.PredictRequest
        {
            ClinicalSummary = "Chronic low back pain with radiculopathy after a lifting injury.",
            Items = { new V1.ItemRequest { RequestedItem = "MRI of the lumbar spine" } },
        }, cancellationToken: token);

        Assert.Equal(second.Value, before.BundleVersion);
        Assert.Equal(("promote", first.Value), (before.PromotionReason, before.PreviousVersion));
        Assert.True(DateTimeOffset.TryParse(before.PromotedUtc, out var promoted) && promoted > DateTimeOffset.UtcNow.AddMinutes(-10), before.PromotedUtc);
        Assert.True(rolledBack.Success, rolledBack.Error?.Message);
        Assert.Equal(first.Value, after.BundleVersion);
        Assert.Equal(("rollback", second.Value), (after.PromotionReason, after.PreviousVersion));
        Assert.Equal(first.Value, prediction.ModelVersion);
        foreach (var file in Directory.EnumerateFiles(history.PathOf(first.Value), "*", SearchOption.AllDirectories))
        {
            var served = Path.Combine(history.ServingDirectory, Path.GetRelativePath(history.PathOf(first.Value), file));
            Assert.True(File.ReadAllBytes(file).AsSpan().SequenceEqual(File.ReadAllBytes(served)), $"{served} differs from the kept {file}");
        }

        var notKept = Directory.EnumerateFiles(history.ServingDirectory).Select(Path.GetFileName).Except(Directory.EnumerateFiles(history.PathOf(first.Value)).Select(Path.GetFileName));
        Assert.Equal([BundlePromotion.FileName], notKept);
    }

    [Fact]
    public void Rollback_with_nothing_before_says_so_and_changes_nothing()
    {
        var history = new BundleHistory(Models);
        var unpromoted = history.Rollback();
        var first = history.Keep(history.ServingDirectory).Value;
        history.Publish(first, "promote");
        var bytes = File.ReadAllBytes(Path.Combine(history.ServingDirectory, ModelBundle.ManifestFile));
        var onlyOne = history.Rollback();
        var unknown = history.Publish("letters-no-such-version", "promote");

        Assert.Equal(BundleErrorCode.NotInHistory, unpromoted.Error?.Code);
        Assert.Contains("was not promoted from the history", unpromoted.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(BundleErrorCode.NotInHistory, onlyOne.Error?.Code);
        Assert.Contains("first bundle promoted", onlyOne.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(BundleErrorCode.NotInHistory, unknown.Error?.Code);
        Assert.Equal(bytes, File.ReadAllBytes(Path.Combine(history.ServingDirectory, ModelBundle.ManifestFile)));
    }

    /// <summary>A copy of a bundle under another version (same model), as a second training run would give.</summary>
    private string Renamed(string bundle, string prefix)
    {
        var copy = Path.Combine(Folder("staged"), prefix);
        FolderCopy.Copy(bundle, copy);
        File.Delete(Path.Combine(copy, BundlePromotion.FileName));
        var manifest = Path.Combine(copy, ModelBundle.ManifestFile);
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("letters-default-", prefix, StringComparison.Ordinal));
        return copy;
    }

    private static async Task<V1.ModelInfo> WaitForVersionAsync(ServerProcess server, string version, CancellationToken token)
    {
        var info = await server.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token);
        for (var i = 0; i < 100 && info.BundleVersion != version; i++)
        {
            await Task.Delay(100, token);
            info = await server.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token);
        }

        return info;
    }
}
