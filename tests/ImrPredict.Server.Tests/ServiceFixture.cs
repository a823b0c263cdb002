using Grpc.Net.Client;
using ImrPredict.Server;
using ImrPredict.Server.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The service on an in-memory test server, serving a small default bundle built from 1,500 generated letters
/// in a temporary models folder, with a <see cref="GrpcChannel"/> and an <see cref="HttpClient"/> for JSON.
/// </summary>
public sealed class ServiceFixture : IAsyncLifetime
{
    private readonly DirectoryInfo _models = Directory.CreateTempSubdirectory("imr-server-models-");

    public WebApplication App { get; private set; } = null!;

    public GrpcChannel Channel { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public ImrPredictService.ImrPredictServiceClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        App = await Start(_models.FullName, buildDefault: true);
        var host = App.Services.GetRequiredService<ModelHost>();
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (host.Current is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        Assert.NotNull(host.Current);
        Http = App.GetTestClient();
        Channel = GrpcChannel.ForAddress(Http.BaseAddress!, new GrpcChannelOptions { HttpHandler = App.GetTestServer().CreateHandler() });
        Client = new ImrPredictService.ImrPredictServiceClient(Channel);
    }

    /// <summary>Starts the service on a test server over a models folder.</summary>
    public const string ApiKey = "test-key-123";

    /// <summary>The models folder the shared app serves from.</summary>
    public string ModelsDirectory => _models.FullName;

    public static async Task<WebApplication> Start(string modelsDirectory, bool buildDefault, double reloadPollSeconds = 0)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ImrPredict:ModelsDirectory"] = modelsDirectory,
            ["ImrPredict:BuildDefaultBundle"] = buildDefault.ToString(),
            ["ImrPredict:DefaultCorpusLetters"] = "1500",
            ["ImrPredict:ApiKey"] = ApiKey,
            ["ImrPredict:ReloadPollSeconds"] = reloadPollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        builder.AddImrPredict();
        var app = builder.Build();
        app.MapImrPredict();
        await app.StartAsync();
        return app;
    }

    /// <summary>Copies the served bundle into a new models folder (its own index: one writer per index folder).</summary>
    public string CopyOfModels()
    {
        var models = Path.Combine(Path.GetTempPath(), $"imr-models-copy-{Guid.NewGuid():N}");
        CopyDirectory(Path.Combine(ModelsDirectory, "default"), Path.Combine(models, "default"));
        return models;
    }

    public static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(source))
        {
            CopyDirectory(directory, Path.Combine(target, Path.GetFileName(directory)));
        }
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        _models.Delete(recursive: true);
    }
}
