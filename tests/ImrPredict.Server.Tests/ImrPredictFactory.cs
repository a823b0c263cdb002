using System.Globalization;
using Grpc.Net.Client;
using ImrPredict.Application.Models;
using ImrPredict.Server.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ImrPredict.Server.Tests;

/// <summary>
/// The real <c>Program</c> (its appsettings, registrations and endpoints) over a given models folder: in memory by default,
/// or on real Kestrel listeners with <see cref="WebApplicationFactory{TEntryPoint}.UseKestrel()"/>.
/// </summary>
public sealed class ImrPredictFactory(string modelsDirectory, bool buildDefault, double reloadPollSeconds = 0, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    /// <summary>The key admin calls need in these tests.</summary>
    public const string ApiKey = "test-key-123";

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
        builder.UseSetting("ImrPredict:DefaultCorpusLetters", "1500");
        builder.UseSetting("ImrPredict:ApiKey", ApiKey);
        builder.UseSetting("ImrPredict:ReloadPollSeconds", reloadPollSeconds.ToString(CultureInfo.InvariantCulture));
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
    }
}
