namespace ImrPredict.Server.Tests;

/// <summary>
/// The retraining flow of docs/cli.md against a real server process: letters added through the API live in the store, so
/// publishing a retrained bundle and restarting lose none of them.
/// </summary>
public sealed class RetrainingFlowTests(ServiceFixture fixture) : IsolatedReplicaTest(fixture.CopyOfModels())
{

    [Fact]
    public async Task Added_letters_survive_a_published_bundle_and_a_restart()
    {
        var token = TestContext.Current.CancellationToken;
        var first = StoreLetters.Letter(seed: 777, index: 1);
        var second = StoreLetters.Letter(seed: 777, index: 2);
        var server = Server();
        await server.StartAsync(token);

        var added = await server.Client.AddDeterminationsAsync(StoreLetters.Request(first), ServerProcess.Key, cancellationToken: token);
        var foundAtOnce = await server.FindsAsync(first.Query, first.LetterId, TimeSpan.Zero, token);
        PublishRetrainedBundle();
        var version = await WaitForVersionAsync(server, "letters-retrained-", token);
        var stillFound = await server.FindsAsync(first.Query, first.LetterId, TimeSpan.FromSeconds(5), token);
        var next = await server.Client.AddDeterminationsAsync(StoreLetters.Request(second), ServerProcess.Key, cancellationToken: token);
        await server.DisposeAsync();

        await using var restarted = Server();
        await restarted.StartAsync(token);
        var afterRestart = (await restarted.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token)).BundleVersion;

        Assert.Equal((1, true), (added.LettersAdded, added.Searchable));
        Assert.True(foundAtOnce, "the added letter was not searchable when the add answered");
        Assert.StartsWith("letters-retrained-", version, StringComparison.Ordinal);
        Assert.True(stillFound, "the added letter was lost when the retrained bundle was published");
        Assert.Equal(1, next.LettersAdded);
        Assert.True(next.Sequence > added.Sequence);
        Assert.StartsWith("letters-retrained-", afterRestart, StringComparison.Ordinal);
        Assert.True(await restarted.FindsAsync(first.Query, first.LetterId, TimeSpan.FromSeconds(10), token), "the first letter was lost in the restart");
        Assert.True(await restarted.FindsAsync(second.Query, second.LetterId, TimeSpan.FromSeconds(10), token), "the second letter was lost in the restart");
    }

    /// <summary>Publishes as <c>imr train --force</c> does: a complete folder moved into place of the served one.</summary>
    private void PublishRetrainedBundle()
    {
        var staged = Path.Combine(Models, ".staged");
        FolderCopy.Copy(Path.Combine(Models, "default"), staged);
        var manifest = Path.Combine(staged, "manifest.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("letters-default-", "letters-retrained-", StringComparison.Ordinal));
        Directory.Move(Path.Combine(Models, "default"), Path.Combine(Models, ".old"));
        Directory.Move(staged, Path.Combine(Models, "default"));
    }

    private static async Task<string> WaitForVersionAsync(ServerProcess server, string prefix, CancellationToken token)
    {
        var version = string.Empty;
        for (var i = 0; i < 100 && !version.StartsWith(prefix, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100, token);
            version = (await server.Client.GetModelInfoAsync(new V1.GetModelInfoRequest(), cancellationToken: token)).BundleVersion;
        }

        return version;
    }
}
