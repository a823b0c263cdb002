using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ImrPredict.Web;

/// <summary>Maps the web app's pages and assets beside the JSON API.</summary>
public static class WebApp
{
    /// <summary>The pages, by route.</summary>
    public static IReadOnlyDictionary<string, string> Pages { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["/"] = "precedents.html",
        ["/precedent"] = "precedent.html",
        ["/assess"] = "assess.html",
        ["/triage"] = "triage.html",
        ["/model"] = "model.html",
        ["/admin"] = "admin.html",
    };

    /// <summary>
    /// The pages' Content-Security-Policy: scripts, styles, images and API calls from this origin only; no inline
    /// script or style, no frames, no plugins, forms only back here.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; " +
        "form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>
    /// Maps <see cref="Pages"/> and <c>/assets/{name}</c>. The assets (scripts, styles, the icon) are public: they hold no
    /// letter, and the sign-in and signed-out pages need them without a session.
    /// </summary>
    public static IEndpointRouteBuilder MapImrPredictWeb(this IEndpointRouteBuilder endpoints)
    {
        var assets = WebAssets.Load();
        foreach (var (route, file) in Pages)
        {
            var page = assets.Files[file];
            endpoints.MapGet(route, context => Serve(context, page, immutable: false)).WithDisplayName("web " + route);
        }

        endpoints.MapGet("/assets/{name}", context =>
        {
            var name = context.Request.RouteValues["name"] as string ?? string.Empty;
            if (name.EndsWith(".html", StringComparison.Ordinal) || !assets.Files.TryGetValue(name, out var asset))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            // Versioned references (?v=hash) never change: cache them for a year.
            return Serve(context, asset, immutable: context.Request.Query.ContainsKey("v"));
        }).WithDisplayName("web assets").AllowAnonymous();
        return endpoints;
    }

    private static Task Serve(HttpContext context, WebAsset asset, bool immutable)
    {
        var response = context.Response;
        var headers = response.Headers;
        headers.ContentType = asset.ContentType;
        headers.ETag = asset.ETag;
        headers.CacheControl = immutable ? "public, max-age=31536000, immutable" : "no-cache";
        headers.Vary = "Accept-Encoding";
        headers.XContentTypeOptions = "nosniff";
        if (asset.ContentType.StartsWith("text/html", StringComparison.Ordinal))
        {
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers["Referrer-Policy"] = "no-referrer";
            headers.XFrameOptions = "DENY";
        }

        if (context.Request.Headers.IfNoneMatch.Contains(asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        var (body, encoding) = accepted.Contains("br", StringComparison.Ordinal) ? (asset.Brotli, "br")
            : accepted.Contains("gzip", StringComparison.Ordinal) ? (asset.Gzip, "gzip")
            : (asset.Content, null);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        response.ContentLength = body.Length;
        return HttpMethods.IsHead(context.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(body).AsTask();
    }
}
