using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace ImrPredict.Bench;

/// <summary>The service's own <c>Program</c> on Kestrel, configured by settings as an operator would configure it.</summary>
internal sealed class ServerUnderLoad(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
