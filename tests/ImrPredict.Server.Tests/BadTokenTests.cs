namespace ImrPredict.Server.Tests;

/// <summary>
/// Tokens the service must refuse with UNAUTHENTICATED and a reason, each made by a real provider: expired, for another
/// audience, from another issuer, signed by an impostor claiming the same issuer; and roles as an array.
/// </summary>
public sealed class BadTokenTests(SecuredServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Refusals => new()
    {
        { "expired", "has expired" },
        { "another audience", "audience must be 'imrpredict'" },
        { "no audience", "audience must be 'imrpredict'" },
        { "another issuer", "bearer token" },
        { "an impostor's key under the same issuer", "signed with a key the identity provider does not publish" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_token_is_refused_with_its_reason(string kind, string reason)
    {
        var token = await Make(kind);

        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            fixture.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "MRI" }, SecuredServiceFixture.Bearer(token), cancellationToken: Token).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, refused.StatusCode);
        Assert.Contains(reason, refused.Status.Detail);
        Assert.DoesNotContain(token[..20], refused.Status.Detail);
    }

    [Fact]
    public async Task Roles_given_as_an_array_grant_the_highest()
    {
        var token = await fixture.Provider.TokenAsync("two-roles", ["reader", "triage"]);
        var rank = new RankCasesRequest { Cases = { new Case { ClinicalSummary = "Chronic neck pain.", Items = { new ItemRequest { RequestedItem = "Norco 10/325mg #120" } } } } };

        var answer = await Record(() => fixture.Client.RankCasesAsync(rank, SecuredServiceFixture.Bearer(token), cancellationToken: Token).ResponseAsync);
        var reload = await Record(() => fixture.Client.ReloadModelAsync(new ReloadModelRequest(), SecuredServiceFixture.Bearer(token), cancellationToken: Token).ResponseAsync);

        // Let in (no model here: UNAVAILABLE), where a reader alone is refused; not an admin.
        Assert.Equal(StatusCode.Unavailable, answer);
        Assert.Equal(StatusCode.PermissionDenied, reload);
    }

    private async Task<string> Make(string kind)
    {
        switch (kind)
        {
            case "expired":
                var shortLived = await fixture.Provider.TokenAsync("reader-user", ["reader"], lifetimeSeconds: 1);
                await Task.Delay(TimeSpan.FromSeconds(2.2), Token);
                return shortLived;
            case "another audience":
                return await fixture.Provider.TokenAsync("reader-user", ["reader"], audience: "another-service");
            case "no audience":
                return await fixture.Provider.TokenAsync("reader-user", ["reader"], audience: null);
            case "another issuer":
                await using (var other = await TestIdentityProvider.StartAsync())
                {
                    return await other.TokenAsync("reader-user", ["reader"]);
                }

            default:
                await using (var impostor = await TestIdentityProvider.StartAsync(issuer: fixture.Provider.Issuer))
                {
                    return await impostor.TokenAsync("reader-user", ["admin"]);
                }
        }
    }

    private static async Task<StatusCode> Record(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }
}
