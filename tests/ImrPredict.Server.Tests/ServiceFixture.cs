using Grpc.Net.Client;
using ImrPredict.Server.Tests;

[assembly: AssemblyFixture(typeof(ServiceFixture))]

namespace ImrPredict.Server.Tests;

/// <summary>
/// The one service of the test run: the real <c>Program</c> on an empty models folder and an empty store, so its first
/// start builds the default bundle and puts the same 1,500 generated letters into the store (the <c>imr bootstrap</c> child
/// process) once for every test. Tests that change what is served start their own server over a copy of this bundle
/// (<see cref="CopyOfModels"/>) and a store of their own.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("imr-server-models-");

    /// <summary>The key admin calls need.</summary>
    public const string ApiKey = ImrPredictFactory.ApiKey;

    public ImrPredictFactory App { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ImrPredictService.ImrPredictServiceClient Client { get; private set; } = null!;

    /// <summary>The models folder the shared server serves from.</summary>
    public string ModelsDirectory => _models.FullName;

    public async ValueTask InitializeAsync()
    {
        App = new ImrPredictFactory(_models.FullName, buildDefault: true);
        var host = await App.WaitForModelAsync(TimeSpan.FromMinutes(5));
        Assert.True(host.Current is not null, $"the default bundle was not served: {host.LastError}");
        await App.WaitForPrecedentsAsync(TimeSpan.FromMinutes(2));
        Assert.True(App.Precedents.Unavailable is null && App.Precedents.Count > 1000, $"the generated letters are not searchable: {App.Precedents.Unavailable}");
        Http = App.CreateClient();
        Client = App.Client(out var channel);
        Channel = channel;
    }

    /// <summary>Starts another in-memory server over a models folder.</summary>
    public static Task<ImrPredictFactory> Start(string modelsDirectory, bool buildDefault, double reloadPollSeconds = 0)
    {
        var app = new ImrPredictFactory(modelsDirectory, buildDefault, reloadPollSeconds);
        _ = app.Server;
        return Task.FromResult(app);
    }

    /// <summary>Copies the served bundle into a new models folder (its own index: one writer per index folder).</summary>
    public string CopyOfModels()
    {
        var models = Path.Combine(Path.GetTempPath(), $"imr-models-copy-{Guid.NewGuid():N}");
        FolderCopy.Copy(Path.Combine(ModelsDirectory, "default"), Path.Combine(models, "default"));
        return models;
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        Http.Dispose();
        await App.DisposeAsync();
        _models.Delete(recursive: true);
    }
}
