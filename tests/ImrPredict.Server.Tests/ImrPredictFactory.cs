using System.Globalization;
using Grpc.Net.Client;
using ImrPredict.Application.Models;
using ImrPredict.Application.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The real <c>Program</c> (its appsettings, registrations and endpoints) over a given models folder: in memory by default,
/// or on real Kestrel listeners with <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel()"/>.
/// </summary>
public sealed class ImrPredictFactory(string modelsDirectory, bool buildDefault, double reloadPollSeconds = 0, IReadOnlyDictionary<string, string?>? settings = null,
    string? dataDirectory = null, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    private readonly DirectoryInfo? _ownData = dataDirectory is null ? Directory.CreateTempSubdirectory("imr-server-data-") : null;

    /// <summary>The data folder of this server's SQLite store and index (its own temporary one unless given).</summary>
    public string DataDirectory => dataDirectory ?? _ownData!.FullName;

    /// <summary>This server's precedent view.</summary>
    public PrecedentView Precedents => Services.GetRequiredService<PrecedentView>();

    /// <summary>Waits until the precedent index serves searches and has applied the store's changes so far.</summary>
    public async Task WaitForPrecedentsAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Precedents.Unavailable is not null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // A background catch-up may still be closing its files as the host stops: try again briefly, then leave the temp folder.
        for (var attempt = 0; attempt < 20 && _ownData is not null && Directory.Exists(_ownData.FullName); attempt++)
        {
            try
            {
                _ownData.Delete(recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(100);
            }
        }
    }

    /// <summary>The key admin calls need in these tests.</summary>
    public const string ApiKey = ServerProcess.ApiKey;

    /// <summary>The model host of this server.</summary>
    public ModelHost Host => Services.GetRequiredService<ModelHost>();

    /// <summary>A client over the in-memory test server.</summary>
    public ImrPredictService.ImrPredictServiceClient Client(out GrpcChannel channel)
    {
        channel = GrpcChannel.ForAddress("http://localhost", new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });
        return new ImrPredictService.ImrPredictServiceClient(channel);
    }

    /// <summary>Waits until the background loader serves a model (or the time is up).</summary>
    public async Task<ModelHost> WaitForModelAsync(TimeSpan timeout)
    {
        var host = Host;
        var deadline = DateTime.UtcNow + timeout;
        while (host.Current is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return host;
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ImrPredict:ModelsDirectory", modelsDirectory);
        builder.UseSetting("ImrPredict:BuildDefaultBundle", buildDefault.ToString());
        builder.UseSetting("ImrPredict:SeedBundleDirectory", string.Empty);
        builder.UseSetting("ImrPredict:DefaultCorpusLetters", "1500");
        builder.UseSetting("ImrPredict:ApiKey", ApiKey);
        builder.UseSetting("ImrPredict:ReloadPollSeconds", reloadPollSeconds.ToString(CultureInfo.InvariantCulture));
        builder.UseSetting("ImrPredict:DataDirectory", DataDirectory);
        builder.UseSetting("ImrPredict:IndexPollSeconds", "0.2");
        // Embedding every precedent takes a core for a while: only the tests of search by meaning turn it on.
        builder.UseSetting("ImrPredict:Semantic:Enabled", "false");
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureServices(services);
        }
    }
}
