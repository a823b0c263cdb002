using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImrPredict.Bench;

/// <summary>
/// The service's own <c>Program</c> on Kestrel, configured by settings as an operator would configure it (any type of the
/// server assembly names its entry point; this project has a <c>Program</c> of its own).
/// </summary>
internal sealed class ServerUnderLoad(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<ImrPredict.Server.ImrPredictGrpcService>
{
    /// <summary>
    /// The service started on Kestrel over the repository's <c>models/</c> and <c>data/</c> (building the default bundle
    /// there if it is missing), quiet but for warnings, with <paramref name="extra"/> settings on top.
    /// </summary>
    public static ServerUnderLoad OnRepository(int grpcPort, int jsonPort, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["ImrPredict:ModelsDirectory"] = Path.Combine(SharedDataLocation.RepositoryRoot(), "models"),
            ["ImrPredict:DataDirectory"] = Path.Combine(SharedDataLocation.RepositoryRoot(), "data"),
            ["Kestrel:Endpoints:Grpc:Url"] = $"http://127.0.0.1:{grpcPort}",
            ["Kestrel:Endpoints:Json:Url"] = $"http://127.0.0.1:{jsonPort}",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var app = new ServerUnderLoad(settings);
        app.UseKestrel();
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // The server project's folder, as for `dotnet run`: its appsettings.json and relative models folder resolve from there.
        builder.UseContentRoot(Path.Combine(SharedDataLocation.RepositoryRoot(), "src", "ImrPredict.Server"));
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
