using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace ImrPredict.Web;

/// <summary>
/// The web app's files, read once from this assembly. Each page is its content and a first-line comment naming its
/// title and script (<c>&lt;!-- title: Triage; script: triage.js --&gt;</c>, an ES module), set into the one <c>_layout.html</c>
/// (head, navigation). Script, style and module-import references get the file's hash (<c>/assets/app.css?v=1a2b3c4d</c>) so assets
/// can be cached for a year and a new build is fetched at once.
/// </summary>
public sealed partial class WebAssets
{
    private readonly Dictionary<string, WebAsset> _files;

    private WebAssets(Dictionary<string, WebAsset> files) => _files = files;

    /// <summary>The files by name.</summary>
    public IReadOnlyDictionary<string, WebAsset> Files => _files;

    /// <summary>Reads and compresses every embedded file; pages reference assets by their hash.</summary>
    public static WebAssets Load()
    {
        var assembly = typeof(WebAssets).Assembly;
        var raw = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("web/", StringComparison.Ordinal))
            .ToDictionary(n => n["web/".Length..], n => Read(assembly, n), StringComparer.Ordinal);

        // The pages' modules import the shared one (common.js, which imports nothing) by its hash too, so a new build's
        // helpers are fetched at once while each module stays cached for a year: the files that import nothing are made
        // first, then the modules with their imports versioned. One level of imports is all there is.
        var files = new Dictionary<string, WebAsset>(StringComparer.Ordinal);
        var imports = raw.Where(f => !f.Key.EndsWith(".html", StringComparison.Ordinal))
            .ToLookup(f => f.Key.EndsWith(".js", StringComparison.Ordinal) && ModuleImport().IsMatch(Encoding.UTF8.GetString(f.Value)));
        foreach (var (name, bytes) in imports[false])
        {
            files[name] = Make(name, bytes);
        }

        foreach (var (name, bytes) in imports[true])
        {
            var versioned = ModuleImport().Replace(Encoding.UTF8.GetString(bytes),
                m => files.TryGetValue(m.Groups["name"].Value, out var imported) ? $"from './{Versioned(imported)}'" : m.Value);
            files[name] = Make(name, Encoding.UTF8.GetBytes(versioned));
        }

        var layout = Encoding.UTF8.GetString(raw[LayoutName]);
        foreach (var (name, bytes) in raw.Where(f => f.Key.EndsWith(".html", StringComparison.Ordinal) && f.Key != LayoutName))
        {
            var html = AssetReference().Replace(Compose(layout, name, Encoding.UTF8.GetString(bytes)),
                m => files.TryGetValue(m.Groups["name"].Value, out var asset) ? $"/assets/{Versioned(asset)}" : m.Value);
            files[name] = Make(name, Encoding.UTF8.GetBytes(html));
        }

        return new WebAssets(files);
    }

    private const string LayoutName = "_layout.html";

    /// <summary>An asset's name with its hash, as references give it: <c>app.css?v=1a2b3c4d</c>.</summary>
    private static string Versioned(WebAsset asset) => $"{asset.Name}?v={asset.ETag.Trim('"')}";

    /// <summary>A page: its content in the layout, with the title and script its first line names.</summary>
    private static string Compose(string layout, string name, string page)
    {
        var header = PageHeader().Match(page);
        if (!header.Success)
        {
            throw new InvalidOperationException($"the page {name} does not start with <!-- title: ...; script: ... -->");
        }

        return layout.Replace("{{title}}", header.Groups["title"].Value, StringComparison.Ordinal)
            .Replace("{{script}}", header.Groups["script"].Value, StringComparison.Ordinal)
            .Replace("{{body}}", page[header.Length..].Trim() + "\n", StringComparison.Ordinal);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static WebAsset Make(string name, byte[] content)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..16];
        return new WebAsset(name, ContentType(name), content, Compress(content, s => new GZipStream(s, CompressionLevel.SmallestSize)),
            Compress(content, s => new BrotliStream(s, CompressionLevel.SmallestSize)), $"\"{hash}\"");
    }

    private static byte[] Compress(byte[] content, Func<Stream, Stream> wrap)
    {
        using var output = new MemoryStream();
        using (var compressor = wrap(output))
        {
            compressor.Write(content);
        }

        return output.ToArray();
    }

    private static string ContentType(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".ico" => "image/x-icon",
        _ => "application/octet-stream",
    };

    [GeneratedRegex("^<!-- title: (?<title>[^;]+); script: (?<script>[a-z0-9-]+\\.js) -->\\r?\\n")]
    private static partial Regex PageHeader();

    [GeneratedRegex("/assets/(?<name>[a-z0-9-]+\\.(?:css|js|svg))(?=\")")]
    private static partial Regex AssetReference();

    [GeneratedRegex("from '\\./(?<name>[a-z0-9-]+\\.js)'")]
    private static partial Regex ModuleImport();
}
