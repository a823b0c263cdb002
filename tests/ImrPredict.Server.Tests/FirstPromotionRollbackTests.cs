namespace ImrPredict.Server.Tests;

/// <summary>
/// From a fresh bootstrap, with the service running: promote, roll back, promote, promote, and roll back twice; every
/// step serves the bundle it names, byte for byte (the promotion record aside), and the first promotion can be undone
/// because the bootstrapped bundle was kept before anything replaced it.
/// </summary>
[Collection(FreshBundlesFixture.Collection)]
public sealed class FirstPromotionRollbackTests(FreshBundlesFixture fresh) : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly string _models = fresh.CopyOfModels();
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("imr-first-promotion-data-");

    [Fact]
    public async Task Promote_rollback_promote_rollback_twice_serves_each_named_bundle_byte_for_byte()
    {
        var token = TestContext.Current.CancellationToken;
        var bootstrapped = fresh.Bootstrapped;
        var defaultVersion = FreshBundlesFixture.VersionOf(Path.Combine(fresh.Models, "default"));
        var a = FreshBundlesFixture.VersionOf(fresh.CandidateA);
        var b = FreshBundlesFixture.VersionOf(fresh.CandidateB);
        await using var server = new ServerProcess(_models, _data.FullName);
        await server.StartAsync(token);

        var listed = FreshBundlesFixture.Expect(Imr.Invoke(["bundles", "--models", _models], Timeout));
        await Step(server, ["promote", fresh.CandidateA], a, FreshBundlesFixture.Hashes(fresh.CandidateA), token);
        var beforeRollback = FreshBundlesFixture.Expect(Imr.Invoke(["bundles", "--models", _models], Timeout));
        await Step(server, ["rollback"], defaultVersion, bootstrapped, token);
        await Step(server, ["promote", a], a, FreshBundlesFixture.Hashes(fresh.CandidateA), token);
        await Step(server, ["promote", fresh.CandidateB], b, FreshBundlesFixture.Hashes(fresh.CandidateB), token);
        await Step(server, ["rollback"], a, FreshBundlesFixture.Hashes(fresh.CandidateA), token);
        await Step(server, ["rollback"], defaultVersion, bootstrapped, token);
        var nothingBefore = Imr.Invoke(["rollback", "--models", _models], Timeout);

        Assert.Contains("bootstrap", listed.Output, StringComparison.Ordinal);
        Assert.Contains($"imr rollback would restore nothing", listed.Output, StringComparison.Ordinal);
        Assert.Contains($"imr rollback would restore: {defaultVersion}", beforeRollback.Output, StringComparison.Ordinal);
        FreshBundlesFixture.Expect(nothingBefore, 1);
        Assert.Contains("nothing before it", nothingBefore.Error, StringComparison.Ordinal);
        AssertServes(bootstrapped);
    }

    /// <summary>Runs one <c>imr</c> step and checks the folder and the service serve <paramref name="version"/>, byte for byte.</summary>
    private async Task Step(ServerProcess server, string[] command, string version, IReadOnlyDictionary<string, string> expected, CancellationToken token)
    {
        FreshBundlesFixture.Expect(Imr.Invoke([.. command, "--models", _models], Timeout));
        AssertServes(expected);
        var served = await WaitForVersionAsync(server, version, token);
        Assert.True(served == version, $"after imr {string.Join(' ', command)} the service serves {served}, not {version}");
    }

    private void AssertServes(IReadOnlyDictionary<string, string> expected)
    {
        var serving = FreshBundlesFixture.Hashes(Path.Combine(_models, "default"));
        Assert.True(serving.Remove("promotion.json"), "a publication records its promotion");
        Assert.Equal(expected.Where(e => e.Key != "promotion.json").OrderBy(e => e.Key), serving.OrderBy(e => e.Key));
    }

    internal static async Task<string> WaitForVersionAsync(ServerProcess server, string version, CancellationToken token)
    {
        var served = string.Empty;
        for (var i = 0; i < 150 && served != version; i++)
        {
            served = (await server.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token)).BundleVersion;
            if (served != version)
            {
                await Task.Delay(100, token);
            }
        }

        return served;
    }

    public void Dispose()
    {
        Directory.Delete(_models, recursive: true);
        _data.Delete(recursive: true);
    }
}
