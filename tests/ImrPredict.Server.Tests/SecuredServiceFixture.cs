using Grpc.Net.Client;
using ImrPredict.Application.Security;
using ImrPredict.Server.Tests;

[assembly: AssemblyFixture(typeof(SecuredServiceFixture))]

namespace ImrPredict.Server.Tests;

/// <summary>
/// The service as an organisation runs it: tokens from a real OpenID Connect provider (<see cref="TestIdentityProvider"/>,
/// fetched by discovery), an API key per role, and five generated letters in its store. No model (predict answers
/// UNAVAILABLE once let in): what these tests check is who is let in, and what the audit trail keeps.
/// </summary>
public sealed class SecuredServiceFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("imr-secured-models-");
    private readonly Dictionary<string, string> _keys = AccessRolesKeys();

    public TestIdentityProvider Provider { get; private set; } = null!;

    public ImrPredictFactory App { get; private set; } = null!;

    public ImrPredictService.ImrPredictServiceClient Client { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    /// <summary>The letters in the store.</summary>
    public IReadOnlyList<StoreLetters.Sent> Letters { get; } = Enumerable.Range(0, 5).Select(i => StoreLetters.Letter(7331, i)).ToList();

    /// <summary>A token per role, and one with every role as an array.</summary>
    public Dictionary<string, string> Tokens { get; } = new(StringComparer.Ordinal);

    /// <summary>The API key (clear text) of each role.</summary>
    public IReadOnlyDictionary<string, string> Keys => _keys;

    private GrpcChannel? _channel;

    public async ValueTask InitializeAsync()
    {
        Provider = await TestIdentityProvider.StartAsync();
        var settings = Provider.ServiceSettings().ToDictionary(p => p.Key, p => (string?)p.Value);
        var k = 0;
        foreach (var (role, key) in _keys)
        {
            settings[$"ImrPredict:Auth:ApiKeys:{k}:Name"] = $"{role}-job";
            settings[$"ImrPredict:Auth:ApiKeys:{k}:Role"] = role;
            settings[$"ImrPredict:Auth:ApiKeys:{k}:Hash"] = ApiKeyHash.Of(key);
            k++;
        }

        // No legacy key here: every credential comes from the provider or the named keys.
        settings["ImrPredict:ApiKey"] = string.Empty;
        App = new ImrPredictFactory(_models.FullName, buildDefault: false, settings: settings);
        Client = App.Client(out _channel);
        Http = App.CreateClient();
        foreach (var role in new[] { "reader", "triage", "admin" })
        {
            Tokens[role] = await Provider.TokenAsync($"{role}-user", [role]);
        }

        await Client.AddDeterminationsAsync(StoreLetters.Request([.. Letters]), Bearer(Tokens["admin"]));
        await App.WaitForPrecedentsAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Call metadata with a bearer token.</summary>
    public static Metadata Bearer(string token) => new() { { "authorization", "Bearer " + token } };

    /// <summary>Call metadata with an API key.</summary>
    public static Metadata Key(string key) => new() { { "x-api-key", key } };

    public async ValueTask DisposeAsync()
    {
        _channel?.Dispose();
        Http?.Dispose();
        await App.DisposeAsync();
        await Provider.DisposeAsync();
        _models.Delete(recursive: true);
    }

    private static Dictionary<string, string> AccessRolesKeys() =>
        new(StringComparer.Ordinal) { ["reader"] = ApiKeyHash.NewKey(), ["triage"] = ApiKeyHash.NewKey(), ["admin"] = ApiKeyHash.NewKey() };
}
