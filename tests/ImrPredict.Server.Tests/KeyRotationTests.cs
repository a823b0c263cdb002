namespace ImrPredict.Server.Tests;

/// <summary>
/// The provider rotates its signing keys (here: restarted on the same address with new ones): tokens signed with the new
/// key are accepted without restarting the service, and tokens of the retired key are refused.
/// </summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task Tokens_signed_with_a_new_key_are_accepted_without_a_restart()
    {
        var token = TestContext.Current.CancellationToken;
        using var models = new TempDirectory();
        var provider = await TestIdentityProvider.StartAsync();
        var port = provider.Port;
        await using var app = new ImrPredictFactory(models.Path, buildDefault: false, settings: provider.ServiceSettings().ToDictionary(p => p.Key, p => (string?)p.Value));
        var client = app.Client(out var channel);
        await app.WaitForPrecedentsAsync(TimeSpan.FromSeconds(30));
        using var _ = channel;
        var before = await provider.TokenAsync("rotating-user", ["reader"]);
        var first = await client.SearchPrecedentsAsync(Search, SecuredServiceFixture.Bearer(before), cancellationToken: token);

        await provider.DisposeAsync();
        await using var rotated = await TestIdentityProvider.StartAsync(port);
        var after = await rotated.TokenAsync("rotating-user", ["reader"]);
        // A token naming an unknown key makes the service read the provider's keys again (at most once a KeyRefreshSeconds,
        // 1 s here); the call that finds the key unknown is refused, the next ones pass.
        await Task.Delay(TimeSpan.FromSeconds(1.5), token);
        SearchPrecedentsResponse? second = null;
        var refusedMeanwhile = 0;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (second is null && DateTime.UtcNow < deadline)
        {
            try
            {
                second = await client.SearchPrecedentsAsync(Search, SecuredServiceFixture.Bearer(after), cancellationToken: token);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
            {
                refusedMeanwhile++;
                await Task.Delay(200, token);
            }
        }

        var retired = await Assert.ThrowsAsync<RpcException>(() => client.SearchPrecedentsAsync(Search, SecuredServiceFixture.Bearer(before), cancellationToken: token).ResponseAsync);

        Assert.NotNull(first);
        Assert.True(second is not null, $"tokens of the new key were still refused after {refusedMeanwhile} calls");
        Assert.True(refusedMeanwhile <= 2, $"{refusedMeanwhile} calls with the new key were refused before the keys were read again");
        Assert.NotEqual(before.Split('.')[0], after.Split('.')[0]);
        Assert.Equal(StatusCode.Unauthenticated, retired.StatusCode);
    }

    private static readonly SearchPrecedentsRequest Search = new() { Query = "lumbar MRI" };

    private sealed class TempDirectory : IDisposable
    {
        private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("imr-rotation-");

        public string Path => _folder.FullName;

        public void Dispose() => _folder.Delete(recursive: true);
    }
}
