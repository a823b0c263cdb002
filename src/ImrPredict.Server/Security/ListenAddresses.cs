using System.Net;

namespace ImrPredict.Server.Security;

/// <summary>
/// The addresses Kestrel will listen on, read from configuration as Kestrel reads it: <c>Kestrel:Endpoints</c> when any
/// are set, else <c>urls</c> (<c>ASPNETCORE_URLS</c>, <c>--urls</c>), else <c>http_ports</c>/<c>https_ports</c> (every
/// interface), else Kestrel's default <c>http://localhost:5000</c>.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The configured listen URLs.</summary>
    public static IReadOnlyList<string> From(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Select(endpoint => endpoint["Url"])
            .OfType<string>()
            .Where(url => url.Length > 0)
            .ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var ports = $"{configuration["http_ports"]};{configuration["https_ports"]}".Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return ports.Length > 0 ? ports.Select(port => $"http://*:{port}").ToList() : ["http://localhost:5000"];
    }

    /// <summary>Whether a listen URL reaches this machine only: <c>localhost</c>, <c>127.x</c> or <c>[::1]</c>; a wildcard or any other host is not.</summary>
    public static bool IsLoopback(string url)
    {
        var host = HostOf(url);
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static string HostOf(string url)
    {
        var rest = url.Contains("://", StringComparison.Ordinal) ? url[(url.IndexOf("://", StringComparison.Ordinal) + 3)..] : url;
        rest = rest.Split('/')[0];
        if (rest.StartsWith('['))
        {
            return rest[..(rest.IndexOf(']') + 1)];
        }

        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
