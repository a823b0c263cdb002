using Microsoft.AspNetCore.Hosting;
using ImrPredict.TestSupport;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImrPredict.Bench;

/// <summary>
/// The service's own <c>Program</c> on Kestrel, configured by settings as an operator would configure it (any type of the
/// server assembly names its entry point; this project has a <c>Program</c> of its own).
/// </summary>
internal sealed class ServerUnderLoad(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<ImrPredict.Server.ImrPredictGrpcService>
{
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
