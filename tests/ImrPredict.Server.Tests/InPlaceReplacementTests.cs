namespace ImrPredict.Server.Tests;

/// <summary>
/// Bundles replaced without <c>imr promote</c>: written in place by <c>imr train --force</c>, or copied over the serving
/// folder by hand while the service runs. The replaced bundle is kept first, so <c>imr rollback</c> restores it byte for
/// byte; a damaged serving bundle that cannot be kept stops a promotion unless <c>--force</c>, which says what is lost.
/// </summary>
[Collection(FreshBundlesFixture.Collection)]
public sealed class InPlaceReplacementTests(FreshBundlesFixture fresh) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);
    private readonly string _models = fresh.CopyOfModels();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-in-place-data-");

    private string Serving => Path.Combine(_models, "default");

    [Fact]
    public void A_bundle_written_in_place_with_train_force_can_be_rolled_back()
    {
        var bootstrapped = fresh.Bootstrapped;

        var trained = Imr.Invoke(["train", "--store", "--data-dir", fresh.Data, "--out", Serving, "--force", "--trees", "2", "--quiet"], Timeout);
        var listed = Imr.Invoke(["bundles", "--models", _models], Timeout);
        var rollback = Imr.Invoke(["rollback", "--models", _models], Timeout);

        FreshBundlesFixture.Expect(trained);
        Assert.Contains(" train ", listed.Output, StringComparison.Ordinal);
        FreshBundlesFixture.Expect(rollback);
        AssertServedAsBootstrapped(bootstrapped);
    }

    [Fact]
    public async Task A_bundle_copied_over_the_serving_folder_by_hand_can_be_rolled_back()
    {
        var token = TestContext.Current.CancellationToken;
        var bootstrapped = fresh.Bootstrapped;
        var b = FreshBundlesFixture.VersionOf(fresh.CandidateB);
        await using var server = new ServerProcess(_models, _data.FullName);
        await server.StartAsync(token);

        // As an operator would: rm -rf models/default && cp -r b models/default.
        Directory.Delete(Serving, recursive: true);
        FolderCopy.Copy(fresh.CandidateB, Serving);
        var served = await FirstPromotionRollbackTests.WaitForVersionAsync(server, b, token);
        var adopted = await WaitForLogAsync(b, token);
        var rollback = Imr.Invoke(["rollback", "--models", _models], Timeout);
        var back = await FirstPromotionRollbackTests.WaitForVersionAsync(server, FreshBundlesFixture.VersionOf(fresh.Models + "/default"), token);

        Assert.Equal(b, served);
        Assert.True(adopted, "the service did not record the bundle it found in place");
        FreshBundlesFixture.Expect(rollback);
        AssertServedAsBootstrapped(bootstrapped);
        Assert.Equal(FreshBundlesFixture.VersionOf(Serving), back);
    }

    [Fact]
    public void A_damaged_serving_bundle_stops_a_promotion_unless_forced_and_the_force_says_what_is_lost()
    {
        DamageServingModel();
        var damaged = FreshBundlesFixture.Hashes(Serving);
        var version = FreshBundlesFixture.VersionOf(Serving);
        Directory.Delete(Path.Combine(_models, "history"), recursive: true);

        var refused = Imr.Invoke(["promote", fresh.CandidateA, "--models", _models], Timeout);
        var untouched = FreshBundlesFixture.Hashes(Serving);
        var forced = Imr.Invoke(["promote", fresh.CandidateA, "--models", _models, "--force"], Timeout);

        FreshBundlesFixture.Expect(refused, 1);
        Assert.Contains("cannot be kept in the history", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.Equal(damaged, untouched);
        FreshBundlesFixture.Expect(forced);
        Assert.Contains($"lost: bundle {version}", forced.Error, StringComparison.Ordinal);
        Assert.Equal(FreshBundlesFixture.VersionOf(fresh.CandidateA), FreshBundlesFixture.VersionOf(Serving));
    }

    [Fact]
    public void A_serving_bundle_damaged_after_it_was_kept_is_replaced_without_force_and_rolled_back_to_its_kept_copy()
    {
        var bootstrapped = fresh.Bootstrapped;
        DamageServingModel();

        var promoted = Imr.Invoke(["promote", fresh.CandidateA, "--models", _models], Timeout);
        var rollback = Imr.Invoke(["rollback", "--models", _models], Timeout);

        FreshBundlesFixture.Expect(promoted);
        Assert.DoesNotContain("lost", promoted.Error, StringComparison.Ordinal);
        FreshBundlesFixture.Expect(rollback);
        AssertServedAsBootstrapped(bootstrapped);
    }

    /// <summary>4 KB zeroed inside the serving model.zip: it no longer matches its manifest's hash.</summary>
    private void DamageServingModel()
    {
        var model = Path.Combine(Serving, "model.zip");
        var bytes = File.ReadAllBytes(model);
        bytes.AsSpan(bytes.Length / 2, 4096).Clear();
        File.WriteAllBytes(model, bytes);
    }

    private async Task<bool> WaitForLogAsync(string version, CancellationToken token)
    {
        var log = Path.Combine(_models, "history", "promotions.jsonl");
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(log) && (await File.ReadAllTextAsync(log, token)).Contains($"\"{version}\"", StringComparison.Ordinal))
            {
                return true;
            }

            await Task.Delay(100, token);
        }

        return false;
    }

    public void Dispose()
    {
        Directory.Delete(_models, recursive: true);
        _data.Delete(recursive: true);
    }

    /// <summary>The serving folder holds the bootstrapped bundle byte for byte, beside the record of its promotion.</summary>
    private void AssertServedAsBootstrapped(IReadOnlyDictionary<string, string> bootstrapped)
    {
        var restored = FreshBundlesFixture.Hashes(Serving);
        Assert.True(restored.Remove("promotion.json"));
        Assert.Equal(bootstrapped.OrderBy(e => e.Key), restored.OrderBy(e => e.Key));
    }
}
