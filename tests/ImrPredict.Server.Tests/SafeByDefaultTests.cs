using Grpc.Net.Client;
using ImrPredict.Application.Security;

namespace ImrPredict.Server.Tests;

/// <summary>
/// Where the service listens decides what a caller without a credential may do: on loopback without a provider, read (the
/// quick start); beyond loopback, nothing, and with no way to authenticate configured it refuses to start.
/// </summary>
public sealed class SafeByDefaultTests(ServiceFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, string> Refusals => new()
    {
        { "every interface, no authentication", "http://0.0.0.0:{port}", "" },
        { "a named interface, no authentication", "http://[::]:{port}", "" },
        { "a key whose hash is not a hash", "http://127.0.0.1:{port}", "not-a-hash" },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_service_that_would_be_open_or_misconfigured_refuses_to_start_with_one_line(string why, string url, string keyHash)
    {
        var settings = new Dictionary<string, string> { ["ImrPredict:ApiKey"] = "", ["Kestrel:Endpoints:Json:Url"] = url.Replace("{port}", ServerProcess.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (keyHash.Length > 0)
        {
            settings["ImrPredict:Auth:ApiKeys:0:Name"] = "job";
            settings["ImrPredict:Auth:ApiKeys:0:Role"] = "reader";
            settings["ImrPredict:Auth:ApiKeys:0:Hash"] = keyHash;
        }

        var data = Directory.CreateTempSubdirectory("imr-refusal-");
        await using var server = new ServerProcess(fixture.ModelsDirectory, data.FullName, settings) { StartTimeout = TimeSpan.FromSeconds(60) };

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => server.StartAsync(Token));

        Assert.Contains("exited with 2", refused.Message);
        var lines = server.Output.Where(line => line.Trim().Length > 0).ToList();
        Assert.True(lines.Count == 1, $"{why}: expected one line, got {lines.Count}:\n{string.Join("\n", lines)}");
        Assert.StartsWith("refusing to start: ", lines[0]);
        Assert.Contains(keyHash.Length > 0 ? "Hash" : "ImrPredict:Auth:Authority", lines[0]);
        data.Delete(recursive: true);
    }

    [Fact]
    public async Task Beyond_loopback_with_keys_every_call_needs_one_and_health_does_not()
    {
        var key = ApiKeyHash.NewKey();
        var settings = new Dictionary<string, string>
        {
            ["ImrPredict:ApiKey"] = "",
            ["ImrPredict:Auth:ApiKeys:0:Name"] = "nightly-triage",
            ["ImrPredict:Auth:ApiKeys:0:Role"] = "triage",
            ["ImrPredict:Auth:ApiKeys:0:Hash"] = ApiKeyHash.Of(key),
            ["Kestrel:Endpoints:Grpc:Url"] = "http://0.0.0.0:{port}",
        };
        var data = Directory.CreateTempSubdirectory("imr-keys-only-");
        await using var server = new ServerProcess(fixture.CopyOfModels(), data.FullName, settings) { StartCredentials = SecuredServiceFixture.Key(key) };
        await server.StartAsync(Token);
        using var http = new HttpClient { BaseAddress = server.JsonAddress };

        var anonymous = await Assert.ThrowsAsync<RpcException>(() => server.Client.SearchPrecedentsAsync(new SearchPrecedentsRequest { Query = "MRI" }, cancellationToken: Token).ResponseAsync);
        var admin = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.ReloadModelAsync(new ReloadModelRequest(), SecuredServiceFixture.Key(key), cancellationToken: Token).ResponseAsync);
        var rank = await server.Client.RankCasesAsync(new RankCasesRequest { Cases = { new Case { ClinicalSummary = "Chronic low back pain.", Items = { new ItemRequest { RequestedItem = "MRI of the lumbar spine" } } } } },
            SecuredServiceFixture.Key(key), cancellationToken: Token);
        using var live = await http.GetAsync("/healthz", Token);
        using var page = await http.GetAsync("/", Token);

        Assert.Equal(StatusCode.Unauthenticated, anonymous.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, admin.StatusCode);
        Assert.Single(rank.Items);
        Assert.Equal(System.Net.HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, page.StatusCode);
        data.Delete(recursive: true);
    }
}
